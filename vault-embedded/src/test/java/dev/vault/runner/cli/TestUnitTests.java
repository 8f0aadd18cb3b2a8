package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.UnitTestResult;
import dev.vault.runner.Vault;
import dev.vault.runner.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vault.runner.cli.TestingCli.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vault test --unit} on the embedded engine: fixtures for a stage's derived columns, a hub
 * with {@code hash(...)} keys, a satellite given stage rows and a mart pass; a wrong expectation fails
 * with the row diff and the data-test exit code; a fixture naming a column the model lacks is a
 * bad-input error with its file and line. None of it touches the target's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestUnitTests
{
    private static final String SILVER = "silver_unitshop";

    private static final String CONFIG = """
            name: unit_shop
            catalog: iceberg
            schemas:
              bronze: bronze_unitshop
              staging: silver_unitshop
              silver: silver_unitshop
              gold: gold_unitshop
            """;

    private static final String MODELS = """
            sources:
              - name: orders
                record-source: shop
                load-timestamp: loaded_at
                columns:
                  - { name: order_id, type: varchar }
                  - { name: customer_id, type: varchar }
                  - { name: amount, type: "decimal(10,2)" }
                  - { name: status, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_orders
                source: orders
                derived-columns:
                  amount_cents: { sql: "CAST(amount * 100 AS bigint)", type: bigint }
                  status_code: "upper(trim(status))"
                hash-keys:
                  hk_customer: [customer_id]
                hashdiffs:
                  hd_customer: [status_code]
            hubs:
              - name: hub_customer
                hash-key: hk_customer
                business-keys: [customer_id]
                sources: [stg_orders]
            satellites:
              - name: sat_customer_status
                parent: hub_customer
                hashdiff: hd_customer
                payload: [status_code]
                sources: [stg_orders]
            marts:
              - name: mart_customer_versions
                sql: |
                  SELECT h.customer_id, count(*) AS versions
                  FROM {{ ref('hub_customer') }} AS h
                  JOIN {{ ref('sat_customer_status') }} AS s ON s.hk_customer = h.hk_customer
                  GROUP BY h.customer_id
            """;

    private static final String UNIT_TESTS = """
            unit-tests:
              - name: stg_orders_amount_in_cents
                model: stg_orders
                given:
                  - source: orders
                    rows:
                      - { order_id: o1, customer_id: c1, amount: 12.34, status: " paid " }
                expect:
                  rows:
                    - { order_id: o1, amount_cents: 1234, status_code: PAID, hk_customer: "hash(c1)", hd_customer: "hashdiff(status_code=PAID)", load_datetime: "2000-01-01 00:00 UTC", record_source: shop }

              - name: hub_customer_one_row_per_business_key
                model: hub_customer
                given:
                  - source: orders
                    rows:
                      - { order_id: o1, customer_id: c1 }
                      - { order_id: o2, customer_id: " C1 " }
                      - { order_id: o3, customer_id: c2 }
                expect:
                  rows:
                    - { hk_customer: "hash(c1)" }
                    - { hk_customer: "hash(c2)" }

              - name: sat_customer_status_from_stage_rows
                model: sat_customer_status
                given:
                  - stage: stg_orders
                    rows:
                      - { customer_id: c1, hk_customer: "hash(c1)", status_code: NEW, hd_customer: "hashdiff(status_code=NEW)", load_datetime: "2026-11-01 03:00 UTC", record_source: shop }
                      - { customer_id: c1, hk_customer: "hash(c1)", status_code: PAID, hd_customer: "hashdiff(status_code=PAID)", load_datetime: "2026-11-02 03:00 UTC", record_source: shop }
                expect:
                  rows:
                    # the ghost record: the zero key at the beginning of time, which every satellite holds
                    - { hk_customer: "zero_key()", status_code: null, load_datetime: "0001-01-01 00:00 UTC" }
                    - { hk_customer: "hash(c1)", status_code: NEW, load_datetime: "2026-11-01 03:00:00 UTC" }
                    - { hk_customer: "hash(c1)", status_code: PAID, load_datetime: "2026-11-02 03:00:00 UTC" }

              - name: mart_customer_versions_counts_status_changes
                model: mart_customer_versions
                given:
                  - source: orders
                    rows:
                      - { order_id: o1, customer_id: c1, status: new, loaded_at: "2026-11-01 03:00 UTC" }
                      - { order_id: o2, customer_id: c1, status: paid, loaded_at: "2026-11-02 03:00 UTC" }
                      - { order_id: o3, customer_id: c2, status: new, loaded_at: "2026-11-02 03:00 UTC" }
                expect:
                  rows:
                    - { customer_id: c1, versions: 2 }
                    - { customer_id: c2, versions: 1 }
            """;

    @TempDir
    static Path temp;

    private Path project;

    @BeforeAll
    void buildTarget()
            throws Exception
    {
        project = temp.resolve("shop");
        TestingProjects.write(project.resolve("vault.yml"), CONFIG);
        TestingProjects.write(project.resolve("models/shop.yml"), MODELS);
        TestingProjects.write(project.resolve("tests/shop.yml"), UNIT_TESTS);
        execute("CREATE SCHEMA IF NOT EXISTS iceberg.bronze_unitshop",
                "CREATE TABLE iceberg.bronze_unitshop.orders (order_id varchar, customer_id varchar, amount decimal(10,2), status varchar, loaded_at timestamp(6) with time zone)",
                "INSERT INTO iceberg.bronze_unitshop.orders VALUES ('t1', 'target-1', 1.00, 'new', TIMESTAMP '2026-10-01 00:00:00 UTC')");
        Result run = cli(project, "run");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void fixturesPassAndTheTargetIsUntouched()
            throws Exception
    {
        Map<String, Object> before = targetState();

        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            UnitTestResult result = vault.unitTest(vault.project().models().keySet());
            assertThat(result.tests()).extracting(UnitTestResult.Outcome::name)
                    .containsExactly("stg_orders_amount_in_cents", "hub_customer_one_row_per_business_key", "sat_customer_status_from_stage_rows",
                            "mart_customer_versions_counts_status_changes");
            for (UnitTestResult.Outcome test : result.tests()) {
                assertThat(test.status()).as(test.name() + ": " + test.error().orElse("") + "\n" + test.diff()).isEqualTo(UnitTestResult.Status.PASS);
            }
            // only what lies between the fixtures and the model is built: the stage given rows is not
            assertThat(result.test("hub_customer_one_row_per_business_key").built()).containsExactly("stg_orders", "hub_customer");
            assertThat(result.test("sat_customer_status_from_stage_rows").built()).containsExactly("hub_customer", "sat_customer_status");
            assertThat(result.test("hub_customer_one_row_per_business_key").actualRows()).isEqualTo(2);
            assertThat(result.test("mart_customer_versions_counts_status_changes").built()).containsExactly("stg_orders", "hub_customer", "sat_customer_status", "mart_customer_versions");
        }

        assertThat(targetState()).isEqualTo(before);
        assertThat(query("SHOW SCHEMAS FROM iceberg LIKE 'vault\\_unit\\_%' ESCAPE '\\'")).isEmpty();
    }

    @Test
    void aWrongExpectationFailsWithTheRowDiff()
            throws Exception
    {
        Path failing = project.resolveSibling("failing");
        copy(project, failing);
        TestingProjects.write(failing.resolve("tests/shop.yml"), """
                unit-tests:
                  - name: hub_customer_wrong
                    model: hub_customer
                    given:
                      - source: orders
                        rows:
                          - { order_id: o1, customer_id: c1 }
                          - { order_id: o3, customer_id: c2 }
                    expect:
                      rows:
                        - { hk_customer: "hash(c1)", customer_id: c1 }
                        - { hk_customer: "hash(c3)", customer_id: c3 }
                  - name: hub_customer_empty_without_orders
                    model: hub_customer
                    given: [{ source: orders, rows: [] }]
                    expect: { rows: [] }
                  - name: hub_customer_from_a_stage_row_without_a_key
                    model: hub_customer
                    given:
                      - stage: stg_orders
                        rows: [{ customer_id: c1, hk_customer: null, load_datetime: "2026-11-01 03:00 UTC", record_source: shop }]
                    expect: { rows: [] }
                """);
        Map<String, Object> before = targetState();

        Result result = cli(failing, "test", "--unit");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(5);
        assertThat(result.out())
                .containsPattern(" 1/3  FAIL +hub_customer_wrong +hub_customer +2 rows")
                .containsPattern(" 2/3  PASS +hub_customer_empty_without_orders +hub_customer +0 rows")
                .containsPattern(" 3/3  ERROR +hub_customer_from_a_stage_row_without_a_key +hub_customer ")
                .contains("Unit tests: 1 pass, 1 fail, 1 error");
        // a model that fails on the fixture rows is an error of the test, with the engine's reason
        assertThat(result.err()).containsPattern("hub_customer failed on the fixture rows: .*hk_customer");
        String c2 = sha256("C2");
        String c3 = sha256("C3");
        assertThat(result.err())
                .contains("tests/shop.yml:2:5: unit test hub_customer_wrong of hub_customer (built from the fixtures: stg_orders, hub_customer)")
                .contains("""
                              missing rows (expected, not in hub_customer):
                              - {hk_customer: %s, customer_id: c3}
                              unexpected rows (in hub_customer, not expected):
                              + {hk_customer: %s, customer_id: c2}
                        """.formatted(c3, c2));

        Result json = cli(failing, "test", "--unit", "--select", "hub_customer", "--log-format", "json");
        assertThat(json.exitCode()).as(json.out() + json.err()).isEqualTo(5);
        JsonNode event = new ObjectMapper().readTree(json.out().lines().filter(line -> line.contains("\"unit_test_finished\"")).findFirst().orElseThrow());
        assertThat(event.get("test").asText()).isEqualTo("hub_customer_wrong");
        assertThat(event.get("status").asText()).isEqualTo("fail");
        assertThat(event.get("columns").toString()).isEqualTo("[\"hk_customer\",\"customer_id\"]");
        assertThat(event.get("missing_rows").toString()).isEqualTo("[[\"%s\",\"c3\"]]".formatted(c3));
        assertThat(event.get("unexpected_rows").toString()).isEqualTo("[[\"%s\",\"c2\"]]".formatted(c2));

        assertThat(targetState()).isEqualTo(before);
        assertThat(query("SHOW SCHEMAS FROM iceberg LIKE 'vault\\_unit\\_%' ESCAPE '\\'")).isEmpty();
    }

    @Test
    void aFixtureNamingAColumnTheModelLacksIsBadInput()
            throws Exception
    {
        Path bad = project.resolveSibling("bad");
        copy(project, bad);
        TestingProjects.write(bad.resolve("tests/shop.yml"), """
                unit-tests:
                  - name: hub_customer_typo
                    model: hub_customer
                    given:
                      - source: orders
                        rows: [{ order_id: o1, customer_id: c1, amount: lots }]
                    expect:
                      rows: [{ hk_customr: "hash(c1)" }]
                """);

        Result result = cli(bad, "test", "--unit");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.err())
                .contains("tests/shop.yml:6:57: value 'lots' of column 'amount' is not a valid decimal(10,2) in source orders; fix the fixture value")
                .doesNotContain("hk_customr");

        TestingProjects.write(bad.resolve("tests/shop.yml"), Files.readString(bad.resolve("tests/shop.yml")).replace("amount: lots", "amount: 1"));
        Result column = cli(bad, "test", "--unit");
        assertThat(column.exitCode()).as(column.out() + column.err()).isEqualTo(3);
        assertThat(column.err()).contains("tests/shop.yml:8:16: model hub_customer has no column 'hk_customr'; did you mean 'hk_customer'?");
    }

    @Test
    void theExamplesUnitTestsPass()
            throws Exception
    {
        Path example = TestingProjects.copyExample(temp.resolve("example"), "unitexample");
        TestingProjects.write(example.resolve("tests/leads.yml"), Files.readString(TestingProjects.REPOSITORY.resolve("tests/leads.yml")));

        Result result = cli(example, "test", "--unit");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .containsPattern("PASS +stg_crm_contacts_cleans_name_email_and_phone +stg_crm_contacts +2 rows")
                .containsPattern("PASS +hub_pessoa_one_person_for_leads_sharing_an_email +hub_pessoa +2 rows")
                .contains("Unit tests: 2 pass, 0 fail, 0 error");
        // the example was never run: its schemas were not even created
        assertThat(query("SHOW SCHEMAS FROM iceberg LIKE '%unitexample'")).isEmpty();
    }

    /** What the target holds: every relation of its silver schema and the snapshots of each table. */
    private Map<String, Object> targetState()
            throws SQLException
    {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("relations", query("SELECT table_name, table_type FROM iceberg.information_schema.tables WHERE table_schema = '" + SILVER + "' ORDER BY table_name"));
        for (String table : List.of("hub_customer", "sat_customer_status")) {
            state.put(table, query("SELECT snapshot_id FROM iceberg." + SILVER + ".\"" + table + "$snapshots\" ORDER BY committed_at"));
            state.put(table + " rows", query("SELECT count(*) FROM iceberg." + SILVER + "." + table));
        }
        state.put("bronze", query("SELECT snapshot_id FROM iceberg.bronze_unitshop.\"orders$snapshots\""));
        assertThat((List<?>) state.get("hub_customer")).isNotEmpty();
        return state;
    }

    private static String sha256(String input)
            throws Exception
    {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static void copy(Path from, Path to)
            throws IOException
    {
        for (String file : List.of("vault.yml", "models/shop.yml", "tests/shop.yml")) {
            TestingProjects.write(to.resolve(file), Files.readString(from.resolve(file)));
        }
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

    private static List<List<Object>> query(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "test", null);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ImmutableList.Builder<List<Object>> rows = ImmutableList.builder();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getObject(column));
                }
                rows.add(row);
            }
            return rows.build();
        }
    }
}
