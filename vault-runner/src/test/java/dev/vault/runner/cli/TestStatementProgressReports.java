package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Ticker;
import dev.vault.core.model.ModelKind;
import dev.vault.runner.ModelResult;
import dev.vault.runner.StatementProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress of long statements as the CLI shows it: an updating line on a terminal, JSON events for orchestrators, nothing for short ones. */
class TestStatementProgressReports
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEWLINE = System.lineSeparator();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void terminalShowsOneLineOverwrittenInPlaceAndClearedAtTheEnd()
    {
        ProgressPrinter printer = new ProgressPrinter(console(true), ticker);

        // the driver reports about every second; the first 3 s show nothing
        printer.statementProgress(progress("sat_customer", "q1", 0, 40, 0, 0, 0));
        ticker.advance(Duration.ofSeconds(1));
        printer.statementProgress(progress("sat_customer", "q1", 2, 40, 1_000, 20_000, 1_000));
        ticker.advance(Duration.ofMillis(1999));
        printer.statementProgress(progress("sat_customer", "q1", 3, 40, 2_000, 40_000, 2_999));
        assertThat(out()).isEmpty();

        ticker.advance(Duration.ofMillis(1));
        printer.statementProgress(progress("sat_customer", "q1", 12, 40, 1_234_567, 340_200_000, 3_000));
        String first = "sat_customer: RUNNING, 12/40 splits, 1,234,567 rows, 340.2 MB, 3s";
        assertThat(out()).isEqualTo("\r" + first);

        // then at most every 2 s, overwriting the line; a shorter line blanks the last one's tail
        ticker.advance(Duration.ofSeconds(1));
        printer.statementProgress(progress("sat_customer", "q1", 20, 40, 2_000_000, 500_000_000, 4_000));
        assertThat(out()).isEqualTo("\r" + first);
        ticker.advance(Duration.ofSeconds(1));
        printer.statementProgress(progress("sat_customer", "q1", 40, 40, 9, 999, 65_000));
        String second = "sat_customer: FINISHING, 40/40 splits, 9 rows, 999 B, 1m05s";
        assertThat(second.length()).isLessThan(first.length());
        String padding = " ".repeat(first.length() - second.length());
        assertThat(out()).isEqualTo("\r" + first + "\r" + second + padding);

        // the model's line goes above the progress line, which is cleared when the statement ends
        printer.statementFinished(progress("sat_customer", "q1", 40, 40, 9, 999, 66_000));
        String cleared = "\r" + " ".repeat(second.length()) + "\r";
        assertThat(out()).isEqualTo("\r" + first + "\r" + second + padding + cleared);
        printer.modelFinished(new ModelResult("sat_customer", ModelKind.SATELLITE, ModelResult.Status.SUCCESS, OptionalLong.of(9), Duration.ofSeconds(66), "inserted 9 rows", Optional.empty()), 1, 1);
        assertThat(out()).startsWith("\r" + first + "\r" + second + padding + cleared + " 1/1  OK         satellite sat_customer").endsWith("66.00s" + NEWLINE);
        assertThat(err()).isEmpty();
    }

    @Test
    void terminalLineShowsConcurrentStatementsAndStaysUnderOtherLines()
    {
        ProgressPrinter printer = new ProgressPrinter(console(true), ticker);
        printer.statementProgress(progress("hub_customer", "q1", 0, 8, 0, 0, 0));
        printer.statementProgress(progress(null, "q2", 0, 4, 0, 0, 0));
        ticker.advance(Duration.ofSeconds(3));
        printer.statementProgress(progress("hub_customer", "q1", 1, 8, 10, 2_000, 3_000));
        String hub = "hub_customer: RUNNING, 1/8 splits, 10 rows, 2.0 kB, 3s";
        printer.statementProgress(progress(null, "q2", 2, 4, 20, 3_000, 3_000));
        // a statement of no model shows its query id
        String query = "q2: RUNNING, 2/4 splits, 20 rows, 3.0 kB, 3s";
        assertThat(out()).isEqualTo("\r" + hub + "\r" + hub + " | " + query);

        // a message clears the line, prints, and draws the line again below it
        out.reset();
        printer.message("hello");
        String line = hub + " | " + query;
        assertThat(out()).isEqualTo("\r" + " ".repeat(line.length()) + "\r" + "hello" + NEWLINE + "\r" + line);

        // one ends: the other stays on the line
        out.reset();
        printer.statementFinished(progress("hub_customer", "q1", 8, 8, 10, 2_000, 3_500));
        assertThat(out()).isEqualTo("\r" + " ".repeat(line.length()) + "\r" + "\r" + query);
    }

    @Test
    void shortStatementsAndNonTerminalOutputShowNothing()
    {
        ProgressPrinter onTerminal = new ProgressPrinter(console(true), ticker);
        onTerminal.statementProgress(progress("hub_customer", "q1", 0, 8, 0, 0, 0));
        ticker.advance(Duration.ofMillis(2900));
        onTerminal.statementProgress(progress("hub_customer", "q1", 8, 8, 10, 2_000, 2_900));
        onTerminal.statementFinished(progress("hub_customer", "q1", 8, 8, 10, 2_000, 2_950));
        assertThat(out()).isEmpty();

        // a file or a pipe would keep every overwritten line
        ProgressPrinter toFile = new ProgressPrinter(console(false), ticker);
        toFile.statementProgress(progress("hub_customer", "q2", 0, 8, 0, 0, 0));
        ticker.advance(Duration.ofMinutes(5));
        toFile.statementProgress(progress("hub_customer", "q2", 4, 8, 10, 2_000, 300_000));
        toFile.statementFinished(progress("hub_customer", "q2", 8, 8, 10, 2_000, 300_001));
        assertThat(out()).isEmpty();
    }

    @Test
    void jsonEventsAfterThreeSecondsThenEveryFive()
            throws IOException
    {
        JsonEventPrinter printer = new JsonEventPrinter(console(false), ticker);
        printer.statementProgress(progress("sat_customer", "q1", 0, 40, 0, 0, 0));
        ticker.advance(Duration.ofMillis(2999));
        printer.statementProgress(progress("sat_customer", "q1", 1, 40, 5, 50, 2_999));
        assertThat(out()).isEmpty();

        // one report every second from the driver, for 12 s: events at 3 s, 8 s and 13 s
        for (int second = 3; second <= 13; second++) {
            ticker.setSeconds(second);
            printer.statementProgress(progress("sat_customer", "q1", second, 40, second * 1000L, second * 100_000L, second * 1000L));
        }
        printer.statementFinished(progress("sat_customer", "q1", 40, 40, 20_000, 2_000_000, 14_000));
        // a statement of no model, short: nothing
        printer.statementProgress(progress(null, "q2", 0, 1, 0, 0, 0));
        printer.statementFinished(progress(null, "q2", 1, 1, 1, 1, 100));

        List<JsonNode> events = events();
        assertThat(events).extracting(event -> event.get("elapsed_ms").asLong()).containsExactly(3_000L, 8_000L, 13_000L);
        JsonNode first = events.getFirst();
        assertThat(first.get("event").asText()).isEqualTo("statement_progress");
        assertThat(first.has("ts")).isTrue();
        first = ((ObjectNode) first).without("ts");
        assertThat(first.toString()).isEqualTo("""
                {"event":"statement_progress","model":"sat_customer","query_id":"q1","state":"RUNNING","completed_splits":3,"total_splits":40,\
                "processed_rows":3000,"processed_bytes":300000,"elapsed_ms":3000}""");
    }

    @Test
    void jsonEventOfAStatementOfNoModelHasANullModel()
            throws IOException
    {
        JsonEventPrinter printer = new JsonEventPrinter(console(false), ticker);
        printer.statementProgress(progress(null, "q9", 0, 1, 0, 0, 0));
        ticker.advance(Duration.ofSeconds(4));
        printer.statementProgress(progress(null, "q9", 0, 1, 0, 0, 4_000));

        List<JsonNode> events = events();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("model").isNull()).isTrue();
        assertThat(events.getFirst().get("query_id").asText()).isEqualTo("q9");
    }

    @Test
    void figuresInFewCharacters()
    {
        assertThat(ProgressPrinter.bytes(0)).isEqualTo("0 B");
        assertThat(ProgressPrinter.bytes(999)).isEqualTo("999 B");
        assertThat(ProgressPrinter.bytes(1_000)).isEqualTo("1.0 kB");
        assertThat(ProgressPrinter.bytes(999_960)).isEqualTo("1.0 MB");
        assertThat(ProgressPrinter.bytes(12_345_678_901L)).isEqualTo("12.3 GB");
        assertThat(ProgressPrinter.elapsed(Duration.ofMillis(59_999))).isEqualTo("59s");
        assertThat(ProgressPrinter.elapsed(Duration.ofSeconds(60))).isEqualTo("1m00s");
        assertThat(ProgressPrinter.elapsed(Duration.ofSeconds(3725))).isEqualTo("1h02m");
    }

    private static StatementProgress progress(String model, String queryId, int completed, int total, long rows, long bytes, long elapsedMillis)
    {
        String state = elapsedMillis == 0 ? "QUEUED" : completed == total ? "FINISHING" : "RUNNING";
        return new StatementProgress(Optional.ofNullable(model), queryId, state, completed, total, rows, bytes, Duration.ofMillis(elapsedMillis));
    }

    private Console console(boolean terminal)
    {
        return new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    }

    private List<JsonNode> events()
            throws IOException
    {
        List<JsonNode> events = new ArrayList<>();
        for (String line : out().lines().toList()) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final class FakeTicker
            extends Ticker
    {
        private long nanos;

        @Override
        public long read()
        {
            return nanos;
        }

        void advance(Duration duration)
        {
            nanos += duration.toNanos();
        }

        void setSeconds(long seconds)
        {
            nanos = Duration.ofSeconds(seconds).toNanos();
        }
    }
}
