package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every model in dependency order: staging views, insert-only loads of hubs, links and satellites, gold marts.")
final class RunCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--maintain", description = "After a successful run, maintain the selected models' tables as 'vault maintain' does.")
    boolean maintain;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault loaded = load(reporter)) {
            Set<String> selected = selection.selected(loaded);
            return call(selection.deferred(loaded, selected), reporter, selected);
        }
    }

    private Integer call(Vault deferred, Reporter reporter, Set<String> selected)
    {
        try (Vault vault = deferred) {
            RunResult result = vault.run(selected, threads.threads);
            if (result.successful() && maintain) {
                return MaintainCommand.maintain(vault, reporter, selected, "run").successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
            }
            return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
        }
    }
}
