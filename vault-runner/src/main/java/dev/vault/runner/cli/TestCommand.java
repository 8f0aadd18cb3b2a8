package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.TestResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the data tests: the Data Vault integrity checks (unique keys, keys present in their parents, no repeated satellite versions) and the tests in the models' YAML.")
final class TestCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call()
    {
        try (Vault loaded = load(reporter())) {
            Set<String> selected = selection.selected(loaded);
            try (Vault vault = selection.deferred(loaded, selected)) {
                TestResult result = vault.test(selected);
                return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
            }
        }
    }
}
