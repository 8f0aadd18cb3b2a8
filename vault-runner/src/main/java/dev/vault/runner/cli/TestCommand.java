package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.TestResult;
import dev.vault.runner.UnitTestResult;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
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
        try (Vault loaded = load(reporter())) {
            Set<String> selected = selection.selected(loaded);
            if (unit) {
                return unit(loaded, selected);
            }
            try (Vault vault = selection.deferred(loaded, selected)) {
                TestResult result = vault.test(selected);
                return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
            }
        }
    }

    private int unit(Vault vault, Set<String> selected)
    {
        UnitTestResult result = vault.unitTest(selected);
        PrintStream out = console.out();
        if (result.tests().isEmpty()) {
            out.println("No unit tests in tests/*.yml for the selected models");
            return SUCCESS;
        }
        int index = 0;
        for (UnitTestResult.Outcome test : result.tests()) {
            index++;
            String detail = test.error().isPresent() ? "" : test.actualRows() + (test.actualRows() == 1 ? " row" : " rows");
            out.printf(Locale.ROOT, "%2d/%-2d %-6s %-50s %-24s %-10s %8s%n", index, result.tests().size(), test.status().name(), test.name(), test.model(), detail, seconds(test.duration()));
            if (!test.passed()) {
                // like the data tests: failures and their detail to stderr
                PrintStream err = console.err();
                err.println("      " + test.location() + ": unit test " + test.name() + " of " + test.model()
                        + (test.built().isEmpty() ? "" : " (built from the fixtures: " + String.join(", ", test.built()) + ")"));
                test.error().ifPresent(error -> err.println("      " + error));
                if (test.error().isEmpty()) {
                    test.diff().lines().forEach(line -> err.println("      " + line));
                }
            }
        }
        out.printf(Locale.ROOT, "Unit tests: %d pass, %d fail, %d error in %s%n",
                result.count(UnitTestResult.Status.PASS), result.count(UnitTestResult.Status.FAIL), result.count(UnitTestResult.Status.ERROR), seconds(result.duration()));
        return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
    }

    private static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
