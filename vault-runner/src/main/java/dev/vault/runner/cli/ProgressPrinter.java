package dev.vault.runner.cli;

import com.google.common.base.Ticker;
import dev.vault.core.VaultException;
import dev.vault.runner.DataTestResult;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.StatementProgress;
import dev.vault.runner.TestResult;
import dev.vault.runner.UnitTestResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One line per model or test as it finishes, and a summary; errors in full on stderr. On a
 * terminal, the statements running longer than {@link #FIRST_PROGRESS} show their progress on
 * one line under the others, overwritten in place and cleared when they end; written to a file
 * or a pipe, the output has no such line.
 */
final class ProgressPrinter
        implements Reporter
{
    static final Duration FIRST_PROGRESS = Duration.ofSeconds(3);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    // wider than the terminal, the line would wrap and \r would overwrite only its last part
    private static final int PROGRESS_WIDTH = 119;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final StatementThrottle throttle;
    // the statements the progress line shows, by query id, in the order they appeared
    private final Map<String, String> running = new LinkedHashMap<>();
    private int progressLength;

    ProgressPrinter(Console console)
    {
        this(console, Ticker.systemTicker());
    }

    ProgressPrinter(Console console, Ticker ticker)
    {
        requireNonNull(console, "console is null");
        this.out = console.out();
        this.err = console.err();
        this.terminal = console.terminal();
        this.throttle = new StatementThrottle(ticker, FIRST_PROGRESS, PROGRESS_EVERY);
    }

    @Override
    public void engineStarting(String description)
    {
        print(() -> out.println(description + " ..."));
    }

    @Override
    public void engineReady(String description, Duration startup)
    {
        print(() -> out.printf(Locale.ROOT, "Connected to %s in %s%n", description, seconds(startup)));
    }

    @Override
    public synchronized void statementProgress(StatementProgress progress)
    {
        if (!terminal || !throttle.due(progress.queryId())) {
            return;
        }
        running.put(progress.queryId(), describe(progress));
        drawProgress();
    }

    @Override
    public synchronized void statementFinished(StatementProgress last)
    {
        if (!terminal || !throttle.finished(last.queryId())) {
            return;
        }
        running.remove(last.queryId());
        clearProgress();
        drawProgress();
    }

    @Override
    public void modelFinished(ModelResult result, int index, int total)
    {
        print(() -> modelLine(result, index, total));
    }

    private void modelLine(ModelResult result, int index, int total)
    {
        String position = index == 0 ? "     " : "%2d/%-2d".formatted(index, total);
        out.printf(Locale.ROOT, "%s %-10s %-9s %-26s %-34s %8s%n",
                position, status(result.status()), result.kind().displayName(), result.model(), result.detail(), seconds(result.duration()));
        result.error().ifPresent(error -> err.println("      " + error.replace("\n", "\n      ")));
    }

    @Override
    public void modelProgress(String model, String message)
    {
        print(() -> out.println("      " + model + ": " + message));
    }

    @Override
    public void testFinished(DataTestResult result, int index, int total)
    {
        print(() -> testLines(result, index, total));
    }

    private void testLines(DataTestResult result, int index, int total)
    {
        String outcome = result.status().name();
        String detail = result.failingRows().map(rows -> rows == 0 ? "" : rows + (rows == 1 ? " failing row" : " failing rows")).orElse("");
        out.printf(Locale.ROOT, "%2d/%-2d %-6s %-60s %-16s %8s%n", index, total, outcome, result.name(), detail, seconds(result.duration()));
        if (!result.passed()) {
            // warnings go to stdout with the results; failures and errors to stderr
            PrintStream stream = result.status() == DataTestResult.Status.WARN ? out : err;
            stream.println("      " + result.description() + result.error().map(error -> ": " + error).orElse(""));
            long shown = result.sampleRows().size();
            for (Map<String, Object> row : result.sampleRows()) {
                stream.println("      | " + row(row));
            }
            if (shown > 0 && result.failingRows().orElse(0L) > shown) {
                stream.printf(Locale.ROOT, "      | ... %d more%n", result.failingRows().get() - shown);
            }
        }
    }

    @Override
    public void summary(String what, RunResult result)
    {
        long failed = result.count(ModelResult.Status.FAILED);
        long skipped = result.count(ModelResult.Status.SKIPPED);
        print(() -> out.printf(Locale.ROOT, "%s: %d done, %d failed, %d skipped, %d rows written in %s%n",
                what, result.models().size() - failed - skipped, failed, skipped, result.rowsWritten(), seconds(result.duration())));
    }

    @Override
    public void summary(TestResult result)
    {
        String warned = result.warnings().isEmpty() ? "" : ", %d warned".formatted(result.warnings().size());
        print(() -> out.printf(Locale.ROOT, "Tests: %d passed, %d failed%s in %s%n",
                result.count(DataTestResult.Status.PASS), result.failures().size(), warned, seconds(result.duration())));
    }

    @Override
    public void unitTests(UnitTestResult result)
    {
        if (result.tests().isEmpty()) {
            out.println("No unit tests in tests/*.yml for the selected models");
            return;
        }
        int index = 0;
        for (UnitTestResult.Outcome test : result.tests()) {
            index++;
            String detail = test.error().isPresent() ? "" : test.actualRows() + (test.actualRows() == 1 ? " row" : " rows");
            out.printf(Locale.ROOT, "%2d/%-2d %-6s %-50s %-24s %-10s %8s%n", index, result.tests().size(), test.status().name(), test.name(), test.model(), detail, seconds(test.duration()));
            if (!test.passed()) {
                // like the data tests: failures and their detail to stderr
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
    }

    @Override
    public void message(String text)
    {
        print(() -> out.println(text));
    }

    @Override
    public void error(VaultException error)
    {
        print(() -> err.println("error: " + error.getMessage()));
    }

    /** Prints lines above the progress line: it is cleared first (stderr may share the terminal) and drawn again after. */
    private synchronized void print(Runnable lines)
    {
        clearProgress();
        lines.run();
        drawProgress();
    }

    private void drawProgress()
    {
        if (running.isEmpty()) {
            return;
        }
        String line = String.join(" | ", running.values());
        if (line.length() > PROGRESS_WIDTH) {
            line = line.substring(0, PROGRESS_WIDTH - 3) + "...";
        }
        // a shorter line than the last leaves the last one's tail: blank it out
        out.print("\r" + line + " ".repeat(Math.max(0, progressLength - line.length())));
        out.flush();
        progressLength = line.length();
    }

    private void clearProgress()
    {
        if (progressLength > 0) {
            out.print("\r" + " ".repeat(progressLength) + "\r");
            out.flush();
            progressLength = 0;
        }
    }

    /** A running statement in a few words: {@code sat_customer: RUNNING, 12/40 splits, 1,234,567 rows, 340.2 MB, 1m05s}. */
    static String describe(StatementProgress progress)
    {
        return String.format(Locale.ROOT, "%s: %s, %d/%d splits, %,d rows, %s, %s",
                progress.model().orElse(progress.queryId()), progress.state(), progress.completedSplits(), progress.totalSplits(),
                progress.processedRows(), bytes(progress.processedBytes()), elapsed(progress.elapsed()));
    }

    static String bytes(long bytes)
    {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String elapsed(Duration elapsed)
    {
        long seconds = elapsed.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** A failing row on one line: {@code column=value, ...}, long values cut. */
    static String row(Map<String, Object> row)
    {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Object> value : row.entrySet()) {
            if (!line.isEmpty()) {
                line.append(", ");
            }
            String text = String.valueOf(value.getValue());
            line.append(value.getKey()).append('=').append(text.length() > 40 ? text.substring(0, 37) + "..." : text);
        }
        return line.length() > 300 ? line.substring(0, 297) + "..." : line.toString();
    }

    private static String status(ModelResult.Status status)
    {
        return switch (status) {
            case SUCCESS -> "OK";
            case UP_TO_DATE -> "UP-TO-DATE";
            case FAILED -> "FAILED";
            case SKIPPED -> "SKIPPED";
        };
    }

    static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.2fs", duration.toNanos() / 1e9);
    }
}
