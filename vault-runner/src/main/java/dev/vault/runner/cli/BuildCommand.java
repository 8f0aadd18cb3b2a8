package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.BuildResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Seed, run and test: load the seed CSV files, run every model, then run the data tests (like dbt build).")
final class BuildCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--maintain", description = "After a successful run and the tests, maintain the selected models' tables as 'vault maintain' does.")
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
            BuildResult result = vault.build(selected, threads.threads);
            if (!result.loaded()) {
                return ErrorCode.MODEL_FAILED.exitCode();
            }
            if (maintain && !MaintainCommand.maintain(vault, reporter, selected, "build").successful()) {
                return ErrorCode.MODEL_FAILED.exitCode();
            }
            return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
        }
    }
}
