package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hubs, links and satellites read only the rows their sources' new snapshots appended
 * (Trino's table_changes) when the watermark in their comment allows it, and every row
 * otherwise, saying why: a first build, a source rewritten by a delete, a watermark snapshot
 * that has expired, a source with delete files (which table_changes refuses). A late row is
 * loaded; a lost watermark only makes a load read more.
 */
class TestIncrementalReads
{
    private static final String MODELS = TestingProjects.CUSTOMER_SATELLITE;

    private static final String HUB = "iceberg.silver_inc.hub_customer";
    private static final String SAT_ROWS = "SELECT h.id, s.load_datetime, s.city FROM iceberg.silver_inc.sat_customer s "
            + "JOIN iceberg.silver_inc.hub_customer h USING (hk_customer) ORDER BY h.id, s.load_datetime";

    @TempDir
    Path temp;

    @Test
    void readsOnlyAppendedRowsAndFallsBackWhenItMust()
    {
        Path project = temp.resolve("inc");
        TestingProjects.write(project.resolve("vault.yml"), """
                name: inc
                seed-paths: [seeds]
                schemas: { bronze: bronze_inc, staging: silver_inc, silver: silver_inc, gold: gold_inc }
                """);
        TestingProjects.write(project.resolve("models/vault.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/customers.csv"), """
                id,name,city,loaded_at
                c1,Ana,Recife,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult first = vault.run();
            assertThat(first.failures()).isEmpty();
            // a first build reads everything, which goes without saying
            assertThat(first.model("hub_customer").detail()).isEqualTo("inserted 2 rows");
            // the watermark: the load's definition and the snapshot of its source it read, after the fingerprint
            assertThat(comment(vault)).matches("(?s).*; vault fingerprint [0-9a-f]{64}; vault read [0-9a-f]{16} iceberg\\.bronze_inc\\.customers=\\d+");

            // two appends: a change of c1, a new key, and a late row (older load time than anything loaded)
            execute("INSERT INTO iceberg.bronze_inc.customers VALUES ('c1', 'Ana', 'Olinda', TIMESTAMP '2026-11-02 00:00:00 UTC'), ('c3', 'Caio', 'Natal', TIMESTAMP '2026-11-02 00:00:00 UTC')");
            execute("INSERT INTO iceberg.bronze_inc.customers VALUES ('c4', 'Duda', 'Recife', TIMESTAMP '2026-10-01 00:00:00 UTC')");
            String watermarkBefore = comment(vault);
            RunResult second = vault.run();
            assertThat(second.failures()).isEmpty();
            assertThat(second.model("hub_customer").detail()).contains("inserted 2 rows").contains("read incrementally: 2 new snapshots of bronze_inc.customers");
            assertThat(second.model("sat_customer").detail()).contains("inserted 3 rows").contains("read incrementally: 2 new snapshots");
            assertThat(rows(vault, SAT_ROWS)).containsExactly(
                    "c1 2026-11-01 00:00:00.000000 UTC Recife",
                    "c1 2026-11-02 00:00:00.000000 UTC Olinda",
                    "c2 2026-11-01 00:00:00.000000 UTC Natal",
                    "c3 2026-11-02 00:00:00.000000 UTC Natal",
                    "c4 2026-10-01 00:00:00.000000 UTC Recife");

            // nothing new: up to date, no read at all
            assertThat(vault.run().model("hub_customer").detail()).contains("up to date");

            // a crash after the load, before its comment: the older watermark comes back; reading more inserts nothing twice
            execute("COMMENT ON TABLE " + HUB + " IS '" + watermarkBefore.replace("'", "''") + "'");
            RunResult afterCrash = vault.run();
            assertThat(afterCrash.model("hub_customer").rowsWritten()).hasValue(0);
            assertThat(afterCrash.model("hub_customer").detail()).contains("read incrementally: 2 new snapshots");
            assertThat(rows(vault, "SELECT count(*) FROM " + HUB)).containsExactly("4");

            // a delete rewrites the source: read in full, and the new row still arrives
            execute("DELETE FROM iceberg.bronze_inc.customers WHERE id = 'c2'");
            execute("INSERT INTO iceberg.bronze_inc.customers VALUES ('c5', 'Eva', 'Recife', TIMESTAMP '2026-11-03 00:00:00 UTC')");
            RunResult rewritten = vault.run();
            assertThat(rewritten.failures()).isEmpty();
            assertThat(rewritten.model("hub_customer").detail()).contains("inserted 1 row").contains("read in full: bronze_inc.customers was rewritten since the last build");
            assertThat(rows(vault, "SELECT id FROM " + HUB + " ORDER BY id")).containsExactly("c1", "c2", "c3", "c4", "c5");

            // the watermark's snapshot is gone (as after expire_snapshots): read in full, say so
            String comment = comment(vault);
            String expired = comment.replaceAll("(bronze_inc\\.customers=)\\d+", "$1" + 12345);
            assertThat(expired).isNotEqualTo(comment);
            execute("COMMENT ON TABLE " + HUB + " IS '" + expired.replace("'", "''") + "'");
            execute("INSERT INTO iceberg.bronze_inc.customers VALUES ('c6', 'Fabi', 'Natal', TIMESTAMP '2026-11-04 00:00:00 UTC')");
            RunResult afterExpiry = vault.run();
            assertThat(afterExpiry.model("hub_customer").detail()).contains("inserted 1 row").contains("snapshot 12345 of bronze_inc.customers, read by the last build, has expired");
            assertThat(afterExpiry.model("sat_customer").detail())
                    // since the delete the source has delete files, which table_changes cannot read: the statement fails whole and reads in full
                    .contains("inserted 1 row").contains("read in full: Trino could not read the sources' changes").contains("not yet supported by the table_changes function");
            assertThat(rows(vault, "SELECT id FROM " + HUB + " ORDER BY id")).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
        }
    }

    private static void execute(String sql)
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String comment(Vault vault)
    {
        return rows(vault, "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = 'iceberg' AND schema_name = 'silver_inc' AND table_name = 'hub_customer'").getFirst();
    }
}
