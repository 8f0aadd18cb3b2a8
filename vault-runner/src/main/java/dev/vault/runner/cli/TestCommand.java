package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.TestResult;
import dev.vault.runner.UnitTestResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Set;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the data tests: the Data Vault integrity checks (unique keys, keys present in their parents, no repeated satellite versions) and the tests in the models' YAML. With --unit, the unit tests on fixtures in tests/*.yml instead.")
final class TestCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Option(names = "--unit", description = "Run the unit tests on fixtures (tests/*.yml) of the selected models instead: each builds its model from the fixture rows in scratch schemas vault_unit_<random>_* and drops them; the target's tables are never touched.")
    boolean unit;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault loaded = load(reporter)) {
            Set<String> selected = selection.selected(loaded);
            if (unit) {
                return unit(loaded, selected, reporter);
            }
            try (Vault vault = selection.deferred(loaded, selected)) {
                TestResult result = vault.test(selected);
                return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
            }
        }
    }

    private int unit(Vault vault, Set<String> selected, Reporter reporter)
    {
        UnitTestResult result = vault.unitTest(selected);
        reporter.unitTests(result);
        return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
    }
}
