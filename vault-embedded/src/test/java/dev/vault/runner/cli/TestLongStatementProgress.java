package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.vault.runner.cli.TestingCli.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that runs for seconds, as the CLI shows it: {@code statement_progress} events with
 * {@code --log-format json}, an updating line on a terminal. Each mart's query is a cross join
 * that keeps the engine busy for seconds (the first report comes after 3).
 */
class TestLongStatementProgress
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CONFIG = """
            name: progress
            catalog: iceberg
            schemas:
              bronze: bronze_long_progress
              staging: silver_long_progress
              silver: silver_long_progress
              gold: gold_long_progress
            """;

    // 2 * 10^8 rows through a join and an aggregation: 10-15 s on two busy cores, one row written
    // (a sequence has at most 10,000 entries)
    private static final String SLOW = "SELECT count(*) AS triples FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 2)) c(z) "
            + "WHERE (x + y + z) % 7 = 3";

    @TempDir
    Path temp;

    @Test
    void aLongStatementReportsItsProgress()
            throws IOException, SQLException
    {
        Path project = temp.resolve("project");
        TestingProjects.write(project.resolve("vault.yml"), CONFIG);
        TestingProjects.write(project.resolve("models/marts.yml"), """
                marts:
                  - name: mart_slow_json
                    sql: "%s"
                  - name: mart_slow_terminal
                    sql: "%s"
                """.formatted(SLOW, SLOW));
        // a run of marts alone does not create the silver schema its run lock lives in
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "test", null);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg.silver_long_progress");
        }

        long started = System.nanoTime();
        Result json = cli(project, false, "run", "--select", "mart_slow_json", "--log-format", "json");
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertThat(json.exitCode()).as(json.out() + json.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : json.out().lines().toList()) {
            events.add(JSON.readTree(line));
        }
        List<JsonNode> progress = events.stream().filter(event -> event.get("event").asText().equals("statement_progress")).toList();
        assertThat(progress).as("progress events of a run of %s s: %s", seconds, json.out()).isNotEmpty();
        JsonNode first = progress.getFirst();
        assertThat(first.get("model").asText()).isEqualTo("mart_slow_json");
        assertThat(first.get("query_id").asText()).isNotBlank();
        assertThat(first.get("state").asText()).isIn("QUEUED", "PLANNING", "STARTING", "RUNNING", "FINISHING");
        assertThat(first.get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(2_500);
        assertThat(first.get("total_splits").asInt()).isGreaterThanOrEqualTo(first.get("completed_splits").asInt());
        assertThat(first.has("processed_rows") && first.has("processed_bytes")).isTrue();
        // the progress comes while the model runs, before it is reported finished
        int finished = events.indexOf(events.stream().filter(event -> event.get("event").asText().equals("model_finished")).findFirst().orElseThrow());
        assertThat(events.indexOf(first)).isLessThan(finished);

        Result terminal = cli(project, true, "run", "--select", "mart_slow_terminal");
        assertThat(terminal.exitCode()).as(terminal.out() + terminal.err()).isZero();
        assertThat(terminal.out()).containsPattern("\rmart_slow_terminal: [A-Z]+, \\d+/\\d+ splits, [\\d,]+ rows, [\\d.]+ k?M?G?B, \\d+s");
        // the line is cleared before the model's line is printed
        assertThat(terminal.out()).containsPattern("\r +\r\\s*\\d+/\\d+\\s+OK\\s+mart\\s+mart_slow_terminal");
    }
}
