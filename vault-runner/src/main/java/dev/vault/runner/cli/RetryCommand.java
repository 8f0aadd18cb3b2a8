package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.RetryResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Run again only the models that failed or were skipped in the last run or build (from .vault/run_results.json).")
final class RetryCommand
        extends EngineCommand
{
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            RetryResult result = vault.retry(threads.threads);
            if (result.run().isEmpty()) {
                reporter.message("Nothing to retry: no model failed or was skipped in the last " + result.previousCommand());
                return SUCCESS;
            }
            return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
        }
    }
}
