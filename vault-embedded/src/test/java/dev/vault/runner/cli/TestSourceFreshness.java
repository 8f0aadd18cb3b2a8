package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.FreshnessResult;
import dev.vault.runner.SourceFreshness;
import dev.vault.runner.Vault;
import dev.vault.runner.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.vault.runner.cli.TestingCli.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vault freshness} on bronze tables landed by "another tool" (plain SQL here): the age from
 * the newest Iceberg snapshot or from a loaded-at-field, the status against warn-after and
 * error-after, sources.json, and the exit code a scheduler gates on.
 */
class TestSourceFreshness
{
    private static final String BRONZE = "bronze_freshness";

    private static final String CONFIG = """
            name: freshness
            catalog: iceberg
            schemas:
              bronze: bronze_freshness
              staging: silver_freshness
              silver: silver_freshness
              gold: gold_freshness
            """;

    private static final String SOURCES = """
            sources:
              - name: orders
                record-source: shop
                load-timestamp: loaded_at
                freshness: {warn-after: 6h, error-after: 1d}
                columns:
                  - { name: order_id, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
              - name: customers
                record-source: crm
                load-timestamp: loaded_at
                freshness: {warn-after: 1h, error-after: 1d, loaded-at-field: loaded_at}
                columns:
                  - { name: customer_id, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
              - name: payments
                record-source: psp
                load-timestamp: loaded_at
                freshness: {error-after: 1d, loaded-at-field: loaded_at}
                columns:
                  - { name: payment_id, type: varchar }
                  - { name: loaded_at, type: timestamp(6) }
              - name: refunds
                record-source: psp
                load-timestamp: loaded_at
                freshness: {warn-after: 1h}
                columns:
                  - { name: refund_id, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
              - name: products
                record-source: shop
                load-timestamp: loaded_at
                columns:
                  - { name: product_id, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            """;

    @TempDir
    Path temp;

    @Test
    void ageFromTheNewestSnapshotOrTheLoadedAtFieldAgainstTheThresholds()
            throws Exception
    {
        Path project = temp.resolve("project");
        TestingProjects.write(project.resolve("vault.yml"), CONFIG);
        TestingProjects.write(project.resolve("models/sources.yml"), SOURCES);
        Instant before = Instant.now();
        execute("CREATE SCHEMA IF NOT EXISTS iceberg." + BRONZE,
                "CREATE TABLE iceberg.%s.orders AS SELECT 'o1' AS order_id, current_timestamp - INTERVAL '3' DAY AS loaded_at".formatted(BRONZE),
                // 3 hours old by its column, but committed just now: the column decides
                "CREATE TABLE iceberg.%s.customers AS SELECT 'c1' AS customer_id, current_timestamp - INTERVAL '3' HOUR AS loaded_at".formatted(BRONZE),
                "INSERT INTO iceberg.%s.customers VALUES ('c2', current_timestamp - INTERVAL '5' HOUR)".formatted(BRONZE),
                // a timestamp without time zone, read in the session's zone
                "CREATE TABLE iceberg.%s.payments AS SELECT 'p1' AS payment_id, CAST(localtimestamp - INTERVAL '2' DAY AS timestamp(6)) AS loaded_at".formatted(BRONZE),
                "CREATE TABLE iceberg.%s.products (product_id varchar, loaded_at timestamp(6) with time zone)".formatted(BRONZE));
        Instant after = Instant.now();

        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            FreshnessResult result = vault.freshness(vault.project().models().keySet());

            // refunds has no table; products has no freshness block and is not checked
            assertThat(result.sources()).extracting(SourceFreshness::source).containsExactly("orders", "customers", "payments", "refunds");
            assertThat(result.successful()).isFalse();

            // orders: its column says 3 days, but without a loaded-at-field its newest snapshot counts
            SourceFreshness orders = result.source("orders");
            assertThat(orders.status()).isEqualTo(SourceFreshness.Status.PASS);
            assertThat(orders.loadedAtField()).isEmpty();
            Instant committed = Instant.ofEpochMilli(Math.round(((Number) vault.query(
                    "SELECT to_unixtime(max(committed_at)) FROM iceberg.%s.\"orders$snapshots\"".formatted(BRONZE)).rows().getFirst().getFirst()).doubleValue() * 1000));
            assertThat(orders.loadedAt()).contains(committed);
            assertThat(committed).isBetween(before.minusSeconds(1), after.plusSeconds(1));
            assertThat(orders.age().orElseThrow()).isEqualTo(Duration.between(committed, result.checkedAt()));

            SourceFreshness customers = result.source("customers");
            assertThat(customers.status()).isEqualTo(SourceFreshness.Status.WARN);
            assertThat(customers.loadedAtField()).contains("loaded_at");
            assertThat(customers.age().orElseThrow()).isBetween(Duration.ofHours(3), Duration.ofHours(3).plus(Duration.between(before, result.checkedAt())).plusSeconds(1));

            SourceFreshness payments = result.source("payments");
            assertThat(payments.status()).isEqualTo(SourceFreshness.Status.ERROR);
            assertThat(payments.age().orElseThrow()).isBetween(Duration.ofDays(2), Duration.ofDays(2).plus(Duration.between(before, result.checkedAt())).plusSeconds(1));

            SourceFreshness refunds = result.source("refunds");
            assertThat(refunds.status()).isEqualTo(SourceFreshness.Status.RUNTIME_ERROR);
            assertThat(refunds.error()).contains("table iceberg.%s.refunds does not exist".formatted(BRONZE));

            // a selection: warnings pass
            FreshnessResult selected = vault.freshness(List.of("orders", "customers", "products"));
            assertThat(selected.sources()).extracting(SourceFreshness::source).containsExactly("orders", "customers");
            assertThat(selected.successful()).isTrue();
        }

        Result all = cli(project, "freshness");
        assertThat(all.exitCode()).as(all.err()).isEqualTo(5);
        assertThat(all.out())
                .containsPattern("PASS +orders +age \\dm \\d+s \\(newest snapshot [^)]+\\); warn after 6h, error after 1d")
                .containsPattern("WARN +customers +age 3h \\dm \\(max\\(loaded_at\\) [^)]+\\); warn after 1h, error after 1d")
                .containsPattern("ERROR STALE +payments +age 2d 0h \\(max\\(loaded_at\\) [^)]+\\); error after 1d")
                .containsPattern("ERROR +refunds +table iceberg.bronze_freshness.refunds does not exist; warn after 1h")
                .contains("Freshness of 4 sources: 1 pass, 1 warn, 2 error")
                .doesNotContain("products");
        JsonNode sources = new ObjectMapper().readTree(project.resolve(".vault/sources.json").toFile());
        assertThat(sources.get("schema").asText()).isEqualTo("vault/sources/v1");
        assertThat(sources.get("success").asBoolean()).isFalse();
        assertThat(sources.get("results")).hasSize(4);
        JsonNode customers = sources.get("results").get(1);
        assertThat(customers.get("source").asText()).isEqualTo("customers");
        assertThat(customers.get("table").asText()).isEqualTo("iceberg.bronze_freshness.customers");
        assertThat(customers.get("status").asText()).isEqualTo("warn");
        assertThat(customers.get("loaded_at_field").asText()).isEqualTo("loaded_at");
        assertThat(customers.get("criteria").get("warn_after").asText()).isEqualTo("1h");
        assertThat(customers.get("criteria").get("error_after").asText()).isEqualTo("1d");
        assertThat(customers.get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(3 * 3600.0, 3 * 3600.0 + 600);
        assertThat(Instant.parse(customers.get("snapshotted_at").asText())).isAfter(Instant.parse(customers.get("max_loaded_at").asText()));
        JsonNode refunds = sources.get("results").get(3);
        assertThat(refunds.get("status").asText()).isEqualTo("runtime_error");
        assertThat(refunds.get("max_loaded_at").isNull()).isTrue();
        assertThat(refunds.get("criteria").get("error_after").isNull()).isTrue();

        Result gate = cli(project, "freshness", "--select", "orders,customers");
        assertThat(gate.exitCode()).as(gate.err()).isZero();
        assertThat(gate.out()).contains("Freshness of 2 sources: 1 pass, 1 warn, 0 error");
    }

    @Test
    void aProjectWithoutFreshnessBlocksChecksNothing()
            throws IOException
    {
        Path project = temp.resolve("plain");
        TestingProjects.write(project.resolve("vault.yml"), CONFIG);
        TestingProjects.write(project.resolve("models/sources.yml"), SOURCES.replaceAll("(?m)^ +freshness: .*\n", ""));
        Result result = cli(project, "freshness");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("No selected source has a 'freshness:' block");
        assertThat(new ObjectMapper().readTree(project.resolve(".vault/sources.json").toFile()).get("results")).isEmpty();
    }

    private static void execute(String... statements)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "test", null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
