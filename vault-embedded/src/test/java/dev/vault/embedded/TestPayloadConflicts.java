package dev.vault.embedded;

import dev.vault.runner.DataTestResult;
import dev.vault.runner.Reconciliation;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * One conflicting pair in an insert-only bronze (two systems, one customer, one second, two
 * cities) must not stop a satellite: across three runs it keeps loading new keys, the pair is
 * recorded once and reported by the built-in test each time, reconciliation loses no row, and a
 * newer row for the customer resolves the conflict.
 */
class TestPayloadConflicts
{
    private static final String REASON = "different payloads for one key at one load_datetime: customer_id = 'C1' from record sources crm, shop: "
            + "set aside until a newer row for the key arrives (loading: conflicts: set-aside)";

    @TempDir
    Path temp;

    @Test
    void satelliteKeepsLoadingWhileAConflictSitsInBronze()
            throws SQLException
    {
        Path project = project(temp.resolve("conflicts"));
        try (Vault vault = TestingVaultEngine.configure(project).load();
                Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null)) {
            assertThat(vault.seed().successful()).isTrue();

            // run 1: C1 conflicts, C2 loads
            RunResult first = vault.run();
            assertThat(first.failures()).isEmpty();
            assertThat(first.model("sat_customer").detail()).isEqualTo("inserted 1 row, set aside 2 rows with conflicting payloads (see sat_customer.no_conflicting_payloads)");
            assertThat(satellite(vault)).containsExactly("C2 crm Natal");
            assertConflictReported(vault);

            // run 2: a new key loads; the pair is left out again and recorded nothing twice
            insert(connection, "('C3', 'Caruaru', TIMESTAMP '2026-01-02 10:00:00 UTC')");
            RunResult second = vault.run();
            assertThat(second.failures()).isEmpty();
            assertThat(second.model("sat_customer").detail()).isEqualTo("inserted 1 row; read incrementally: 1 new snapshot of conflicts_bronze.crm_customers");
            assertThat(satellite(vault)).containsExactly("C2 crm Natal", "C3 crm Caruaru");
            assertConflictReported(vault);

            // run 3: another new key; bronze rows = loaded + set aside
            insert(connection, "('C4', 'Olinda', TIMESTAMP '2026-01-03 10:00:00 UTC')");
            assertThat(vault.run().failures()).isEmpty();
            assertThat(satellite(vault)).containsExactly("C2 crm Natal", "C3 crm Caruaru", "C4 crm Olinda");
            assertConflictReported(vault);
            assertThat(vault.reconcile())
                    .filteredOn(reconciliation -> reconciliation.model().equals("sat_customer"))
                    .extracting(Reconciliation::stage, Reconciliation::bronzeRows, Reconciliation::loadedRows, Reconciliation::rejectedRows)
                    .containsExactlyInAnyOrder(tuple("stg_crm_customers", 4L, 3L, 1L), tuple("stg_shop_customers", 1L, 0L, 1L));

            // a newer row for C1 resolves the conflict: it loads, and the test passes
            insert(connection, "('C1', 'Recife', TIMESTAMP '2026-01-04 10:00:00 UTC')");
            assertThat(vault.run().failures()).isEmpty();
            assertThat(satellite(vault)).containsExactly("C1 crm Recife", "C2 crm Natal", "C3 crm Caruaru", "C4 crm Olinda");
            assertThat(conflictTest(vault).status()).isEqualTo(DataTestResult.Status.PASS);
            assertThat(rejected(vault)).hasSize(2);
        }
    }

    private static void assertConflictReported(Vault vault)
    {
        DataTestResult test = conflictTest(vault);
        assertThat(test.status()).isEqualTo(DataTestResult.Status.WARN);
        assertThat(test.failingRows()).contains(2L);
        assertThat(rejected(vault)).containsExactly(
                "crm Olinda " + REASON,
                "shop Natal " + REASON);
    }

    private static DataTestResult conflictTest(Vault vault)
    {
        return vault.test().tests().stream()
                .filter(test -> test.name().equals("sat_customer.no_conflicting_payloads"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> satellite(Vault vault)
    {
        return column(vault, """
                SELECT h.customer_id || ' ' || s.record_source || ' ' || s.city
                FROM iceberg.conflicts_silver.sat_customer AS s
                JOIN iceberg.conflicts_silver.hub_customer AS h ON h.hk_customer = s.hk_customer
                WHERE s.record_source <> 'SYSTEM'
                ORDER BY 1""");
    }

    private static List<String> rejected(Vault vault)
    {
        return column(vault, """
                SELECT record_source || ' ' || json_extract_scalar(row_data, '$.city') || ' ' || reason
                FROM iceberg.conflicts_silver.vault_rejected_rows
                WHERE model = 'sat_customer'
                ORDER BY 1""");
    }

    private static void insert(Connection connection, String values)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO iceberg.conflicts_bronze.crm_customers (customer_id, city, loaded_at) VALUES " + values);
        }
    }

    private static List<String> column(Vault vault, String sql)
    {
        return vault.query(sql).rows().stream().map(row -> String.valueOf(row.getFirst())).toList();
    }

    private static Path project(Path directory)
    {
        TestingProjects.write(directory.resolve("vault.yml"), """
                name: conflicts
                version: 1
                seed-paths: [seeds]
                schemas: { bronze: conflicts_bronze, staging: conflicts_silver, silver: conflicts_silver, gold: conflicts_gold }
                """);
        TestingProjects.write(directory.resolve("models/customers.yml"), """
                sources:
                  - name: crm_customers
                    record-source: crm
                    load-timestamp: loaded_at
                    columns:
                      - { name: customer_id, type: varchar }
                      - { name: city, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                  - name: shop_customers
                    record-source: shop
                    load-timestamp: loaded_at
                    columns:
                      - { name: customer_id, type: varchar }
                      - { name: city, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                stages:
                  - name: stg_crm_customers
                    source: crm_customers
                    hash-keys: { hk_customer: [customer_id] }
                    hashdiffs: { hd_customer: [city] }
                  - name: stg_shop_customers
                    source: shop_customers
                    hash-keys: { hk_customer: [customer_id] }
                    hashdiffs: { hd_customer: [city] }
                hubs:
                  - name: hub_customer
                    hash-key: hk_customer
                    business-keys: [customer_id]
                    sources: [stg_crm_customers, stg_shop_customers]
                satellites:
                  - name: sat_customer
                    parent: hub_customer
                    hashdiff: hd_customer
                    payload: [city]
                    sources: [stg_crm_customers, stg_shop_customers]
                """);
        TestingProjects.write(directory.resolve("seeds/crm_customers.csv"), """
                customer_id,city,loaded_at
                C1,Olinda,2026-01-01 10:00:00 UTC
                C2,Natal,2026-01-01 10:00:00 UTC
                """);
        TestingProjects.write(directory.resolve("seeds/shop_customers.csv"), """
                customer_id,city,loaded_at
                C1,Natal,2026-01-01 10:00:00 UTC
                """);
        return directory;
    }
}
