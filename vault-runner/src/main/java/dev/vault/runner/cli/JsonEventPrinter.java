package dev.vault.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Ticker;
import dev.vault.core.VaultException;
import dev.vault.runner.Artifacts;
import dev.vault.runner.DataTestResult;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.StatementProgress;
import dev.vault.runner.TestResult;
import dev.vault.runner.UnitTestResult;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code --log-format json}: one JSON object per line on standard output, for log collectors and
 * orchestrators. Every object has {@code ts} (ISO-8601 UTC) and {@code event}; the rest depends
 * on the event (documented in docs/artifacts.md). Nothing else is written to standard output.
 */
final class JsonEventPrinter
        implements Reporter
{
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration FIRST_PROGRESS = Duration.ofSeconds(3);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final StatementThrottle throttle;

    JsonEventPrinter(Console console)
    {
        this(console, Ticker.systemTicker());
    }

    JsonEventPrinter(Console console, Ticker ticker)
    {
        requireNonNull(console, "console is null");
        this.out = console.out();
        this.throttle = new StatementThrottle(ticker, FIRST_PROGRESS, PROGRESS_EVERY);
    }

    @Override
    public void engineStarting(String description)
    {
        emit("engine_starting", Map.of("target", description));
    }

    @Override
    public void engineReady(String description, Duration startup)
    {
        emit("engine_ready", Map.of("target", description, "seconds", seconds(startup)));
    }

    @Override
    public void modelStarted(String model, int index, int total)
    {
        emit("model_started", Map.of("model", model, "index", index, "total", total));
    }

    @Override
    public void modelProgress(String model, String message)
    {
        emit("model_progress", Map.of("model", model, "message", message));
    }

    /** A statement running longer than {@link #FIRST_PROGRESS}, every {@link #PROGRESS_EVERY}; short ones say nothing. */
    @Override
    public void statementProgress(StatementProgress progress)
    {
        if (!throttle.due(progress.queryId())) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", progress.model().orElse(null));
        fields.put("query_id", progress.queryId());
        fields.put("state", progress.state());
        fields.put("completed_splits", progress.completedSplits());
        fields.put("total_splits", progress.totalSplits());
        fields.put("processed_rows", progress.processedRows());
        fields.put("processed_bytes", progress.processedBytes());
        fields.put("elapsed_ms", progress.elapsed().toMillis());
        emit("statement_progress", fields);
    }

    @Override
    public void statementFinished(StatementProgress last)
    {
        // the model_finished (or the command's result) that follows tells how it ended
        throttle.finished(last.queryId());
    }

    @Override
    public void modelFinished(ModelResult result, int index, int total)
    {
        Map<String, Object> fields = new LinkedHashMap<>();
        Artifacts.ModelEntry entry = Artifacts.entry(result);
        fields.put("model", entry.model());
        fields.put("kind", entry.kind());
        fields.put("status", entry.status());
        fields.put("rows_written", entry.rowsWritten());
        fields.put("seconds", entry.seconds());
        fields.put("detail", entry.detail());
        fields.put("error", entry.error());
        fields.put("snapshot_id", entry.snapshotId());
        fields.put("statements", entry.statements());
        fields.put("engine_seconds", entry.engineSeconds());
        fields.put("outside_engine_seconds", entry.outsideEngineSeconds());
        fields.put("cpu_seconds", entry.cpuSeconds());
        fields.put("index", index);
        fields.put("total", total);
        emit("model_finished", fields);
    }

    @Override
    public void testFinished(DataTestResult result, int index, int total)
    {
        Map<String, Object> fields = new LinkedHashMap<>();
        Artifacts.TestEntry entry = Artifacts.entry(result);
        fields.put("test", entry.name());
        fields.put("model", entry.model());
        fields.put("status", entry.status());
        fields.put("severity", entry.severity());
        fields.put("failing_rows", entry.failingRows());
        fields.put("sample_rows", entry.sampleRows());
        fields.put("seconds", entry.seconds());
        fields.put("error", entry.error());
        fields.put("index", index);
        fields.put("total", total);
        emit("test_finished", fields);
    }

    @Override
    public void summary(String what, RunResult result)
    {
        long failed = result.count(ModelResult.Status.FAILED);
        long skipped = result.count(ModelResult.Status.SKIPPED);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("step", what.toLowerCase(Locale.ROOT));
        fields.put("done", result.models().size() - failed - skipped);
        fields.put("failed", failed);
        fields.put("skipped", skipped);
        fields.put("rows_written", result.rowsWritten());
        fields.put("seconds", seconds(result.duration()));
        fields.put("statements", result.execution().statements());
        fields.put("engine_seconds", seconds(result.execution().engine()));
        fields.put("outside_engine_seconds", seconds(result.outsideEngine()));
        fields.put("cpu_seconds", seconds(result.execution().cpu()));
        emit("summary", fields);
    }

    @Override
    public void summary(TestResult result)
    {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("step", "test");
        fields.put("passed", result.count(DataTestResult.Status.PASS));
        fields.put("warned", result.warnings().size());
        fields.put("failed", result.failures().size());
        fields.put("seconds", seconds(result.duration()));
        emit("summary", fields);
    }

    @Override
    public void unitTests(UnitTestResult result)
    {
        int index = 0;
        for (UnitTestResult.Outcome test : result.tests()) {
            index++;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("test", test.name());
            fields.put("model", test.model());
            fields.put("status", test.status().name().toLowerCase(Locale.ROOT));
            fields.put("location", test.location().toString());
            fields.put("built", test.built());
            fields.put("columns", test.columns());
            fields.put("missing_rows", test.missing());
            fields.put("unexpected_rows", test.unexpected());
            fields.put("actual_rows", test.actualRows());
            fields.put("error", test.error().orElse(null));
            fields.put("seconds", seconds(test.duration()));
            fields.put("index", index);
            fields.put("total", result.tests().size());
            emit("unit_test_finished", fields);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("step", "unit test");
        fields.put("passed", result.count(UnitTestResult.Status.PASS));
        fields.put("failed", result.count(UnitTestResult.Status.FAIL));
        fields.put("errors", result.count(UnitTestResult.Status.ERROR));
        fields.put("seconds", seconds(result.duration()));
        emit("summary", fields);
    }

    @Override
    public void message(String text)
    {
        emit("message", Map.of("message", text));
    }

    @Override
    public void error(VaultException error)
    {
        emit("error", Map.of(
                "code", error.errorCode().name().toLowerCase(Locale.ROOT),
                "exit_code", error.errorCode().exitCode(),
                "message", error.getMessage()));
    }

    private void emit(String event, Map<String, ?> fields)
    {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("ts", Instant.now().toString());
        object.put("event", event);
        object.putAll(fields);
        try {
            out.println(JSON.writeValueAsString(object));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }
}
