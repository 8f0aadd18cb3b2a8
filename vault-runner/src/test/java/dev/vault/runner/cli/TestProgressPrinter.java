package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.ModelKind;
import dev.vault.runner.DataTestResult;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.TestResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TestProgressPrinter
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ProgressPrinter printer = new ProgressPrinter(
            new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

    @Test
    void secondsHaveTwoDecimals()
    {
        assertThat(ProgressPrinter.seconds(Duration.ofMillis(1234))).isEqualTo("1.23s");
        assertThat(ProgressPrinter.seconds(Duration.ZERO)).isEqualTo("0.00s");
        assertThat(ProgressPrinter.seconds(Duration.ofMinutes(2))).isEqualTo("120.00s");
    }

    @Test
    void engineEvents()
    {
        printer.engineStarting("Connecting to Trino at jdbc:trino://h:443/iceberg");
        printer.engineReady("jdbc:trino://h:443/iceberg", Duration.ofMillis(2500));

        assertThat(out()).isEqualTo("Connecting to Trino at jdbc:trino://h:443/iceberg ..." + System.lineSeparator()
                + "Connected to jdbc:trino://h:443/iceberg in 2.50s" + System.lineSeparator());
    }

    @Test
    void finishedModelIsOneLineWithItsPositionAndStatus()
    {
        printer.modelFinished(model("hub_pessoa", ModelKind.HUB, ModelResult.Status.SUCCESS, "inserted 3 rows", Optional.empty()), 2, 10);
        printer.modelFinished(model("mart_x", ModelKind.MART, ModelResult.Status.UP_TO_DATE, "up to date (no input changed)", Optional.empty()), 10, 10);

        String[] lines = out().split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches(" 2/10 OK\\s+hub\\s+hub_pessoa\\s+inserted 3 rows\\s+1\\.50s");
        assertThat(lines[1]).matches("10/10 UP-TO-DATE mart\\s+mart_x\\s+up to date \\(no input changed\\)\\s+1\\.50s");
        assertThat(err()).isEmpty();
    }

    @Test
    void failedModelPrintsItsErrorIndentedOnStderr()
    {
        printer.modelFinished(model("crm", ModelKind.SOURCE, ModelResult.Status.FAILED, "missing", Optional.of("source table is missing\nrun vault seed")), 0, 4);

        assertThat(out()).startsWith("      FAILED     source    crm");
        assertThat(err()).isEqualTo("      source table is missing\n      run vault seed" + System.lineSeparator());
    }

    @Test
    void testResultsSayPassFailOrError()
    {
        printer.testFinished(test("hub.unique(hk)", Optional.of(0L), Optional.empty()), 1, 3);
        printer.testFinished(test("link.hk in hub", Optional.of(4L), Optional.empty()), 2, 3);
        printer.testFinished(test("sat.unique(hk, load_datetime)", Optional.empty(), Optional.of("table not found")), 3, 3);

        String[] lines = out().split(System.lineSeparator());
        assertThat(lines[0]).matches(" 1/3  PASS\\s+hub\\.unique\\(hk\\)\\s+1\\.50s");
        assertThat(lines[1]).matches(" 2/3  FAIL\\s+link\\.hk in hub\\s+4 failing rows\\s+1\\.50s");
        assertThat(lines[2]).matches(" 3/3  ERROR\\s+sat\\.unique\\(hk, load_datetime\\)\\s+1\\.50s");
        assertThat(err()).isEqualTo("      what the test checks" + System.lineSeparator()
                + "      what the test checks: table not found" + System.lineSeparator());
    }

    @Test
    void failingTestsShowTheirSampleRows()
    {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hk", "A".repeat(50));
        row.put("email", null);
        DataTestResult warned = new DataTestResult("stg.not_null(email)", "stg", "no email of stg is null", DeclaredTest.Severity.WARN, Optional.of(3L),
                ImmutableList.of(Collections.unmodifiableMap(row)), "SELECT ...", Duration.ofMillis(1500), Optional.empty());
        DataTestResult failed = new DataTestResult("stg.unique(hk)", "stg", "every hk of stg appears once", DeclaredTest.Severity.ERROR, Optional.of(1L),
                ImmutableList.of(Map.of("hk", "B")), "SELECT ...", Duration.ofMillis(1500), Optional.empty());
        printer.testFinished(warned, 1, 2);
        printer.testFinished(failed, 2, 2);
        printer.summary(new TestResult(ImmutableList.of(warned, failed), Duration.ofSeconds(1)));

        String[] lines = out().split(System.lineSeparator());
        assertThat(lines[0]).matches(" 1/2  WARN\\s+stg\\.not_null\\(email\\)\\s+3 failing rows\\s+1\\.50s");
        assertThat(lines[1]).isEqualTo("      no email of stg is null");
        assertThat(lines[2]).isEqualTo("      | hk=" + "A".repeat(37) + "..., email=null");
        assertThat(lines[3]).isEqualTo("      | ... 2 more");
        assertThat(lines[4]).matches(" 2/2  FAIL\\s+stg\\.unique\\(hk\\)\\s+1 failing row\\s+1\\.50s");
        assertThat(lines[5]).isEqualTo("Tests: 0 passed, 1 failed, 1 warned in 1.00s");
        assertThat(err()).isEqualTo("      every hk of stg appears once" + System.lineSeparator() + "      | hk=B" + System.lineSeparator());
    }

    @Test
    void summaries()
    {
        printer.summary("Run", new RunResult(ImmutableList.of(
                model("a", ModelKind.HUB, ModelResult.Status.SUCCESS, "", Optional.empty()),
                model("b", ModelKind.HUB, ModelResult.Status.UP_TO_DATE, "", Optional.empty()),
                model("c", ModelKind.LINK, ModelResult.Status.FAILED, "", Optional.of("boom")),
                model("d", ModelKind.SATELLITE, ModelResult.Status.SKIPPED, "", Optional.empty())), Duration.ofSeconds(3)));
        printer.summary(new TestResult(ImmutableList.of(
                test("t1", Optional.of(0L), Optional.empty()),
                test("t2", Optional.of(1L), Optional.empty())), Duration.ofSeconds(1)));

        assertThat(out()).isEqualTo("Run: 2 done, 1 failed, 1 skipped, 20 rows written in 3.00s" + System.lineSeparator()
                + "Tests: 1 passed, 1 failed in 1.00s" + System.lineSeparator());
    }

    private static ModelResult model(String name, ModelKind kind, ModelResult.Status status, String detail, Optional<String> error)
    {
        OptionalLong rows = status == ModelResult.Status.SUCCESS || status == ModelResult.Status.UP_TO_DATE ? OptionalLong.of(10) : OptionalLong.empty();
        return new ModelResult(name, kind, status, rows, Duration.ofMillis(1500), detail, error);
    }

    private static DataTestResult test(String name, Optional<Long> failing, Optional<String> error)
    {
        return new DataTestResult(name, "model", "what the test checks", failing, Duration.ofMillis(1500), error);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }
}
