package dev.vault.embedded;

import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loading rules of hubs and satellites on a small project whose bronze data each test
 * writes: history is kept in order (A -> B -> A is three rows), unchanged payloads add nothing,
 * a conflict fails the load without writing, and a re-run inserts nothing.
 */
class TestSatelliteLoading
{
    private static final String MODELS = TestingProjects.CUSTOMER_SATELLITE;

    @TempDir
    Path temp;

    @Test
    void keepsEveryChangeInOrderAndDropsRepeats()
    {
        Path project = project("history", """
                id,name,city,loaded_at
                c1,Ana,Recife,2026-11-01 00:00:00 UTC
                c1,Ana,Olinda,2026-11-02 00:00:00 UTC
                c1,Ana,Recife,2026-11-03 00:00:00 UTC
                c1,Ana,Recife,2026-11-04 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-02 00:00:00 UTC
                C1 ,Ana,Recife,2026-11-05 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            // ' C1 ' and 'c1' are one business key: trimmed and upper-cased before hashing
            assertThat(rows(vault, "SELECT id, load_datetime FROM iceberg.silver_history.hub_customer ORDER BY id"))
                    .containsExactly("c1 2026-11-01 00:00:00.000000 UTC", "c2 2026-11-01 00:00:00.000000 UTC");
            assertThat(rows(vault, "SELECT h.id, s.load_datetime, s.city FROM iceberg.silver_history.sat_customer s "
                    + "JOIN iceberg.silver_history.hub_customer h USING (hk_customer) ORDER BY h.id, s.load_datetime"))
                    .containsExactly(
                            "c1 2026-11-01 00:00:00.000000 UTC Recife",
                            "c1 2026-11-02 00:00:00.000000 UTC Olinda",
                            "c1 2026-11-03 00:00:00.000000 UTC Recife",
                            "c2 2026-11-01 00:00:00.000000 UTC Natal");

            RunResult again = vault.run();
            assertThat(again.model("hub_customer").rowsWritten()).hasValue(0);
            assertThat(again.model("sat_customer").rowsWritten()).hasValue(0);
        }
    }

    @Test
    void newBatchComparesItsFirstRowWithTheLatestVersion()
    {
        Path project = project("next_batch", """
                id,name,city,loaded_at
                c1,Ana,Recife,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            assertThat(vault.run().model("sat_customer").rowsWritten()).hasValue(2);
        }
        TestingProjects.write(project.resolve("seeds/customers.csv"), """
                id,name,city,loaded_at
                c1,Ana,Recife,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                c1,Ana,Recife,2026-11-02 00:00:00 UTC
                c2,Bia,Salvador,2026-11-02 00:00:00 UTC
                c3,Caio,,2026-11-02 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.model("hub_customer").rowsWritten()).hasValue(1);
            // c1 is unchanged; c2 moved; c3 is new (a null city is a payload like any other)
            assertThat(run.model("sat_customer").rowsWritten()).hasValue(2);
            assertThat(rows(vault, "SELECT h.id, s.city FROM iceberg.silver_next_batch.sat_customer s "
                    + "JOIN iceberg.silver_next_batch.hub_customer h USING (hk_customer) WHERE s.load_datetime > TIMESTAMP '2026-11-01 00:00:00 UTC' ORDER BY h.id"))
                    .containsExactly("c2 Salvador", "c3 null");
        }
    }

    @Test
    void withConflictsFailTwoPayloadsForOneKeyAndLoadTimeFailTheLoadAndWriteNothing()
            throws IOException
    {
        Path project = project("conflict", """
                id,name,city,loaded_at
                c1,Ana,Recife,2026-11-01 00:00:00 UTC
                c1,Ana,Olinda,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                c2,Bia,Natal,2026-11-01 00:00:00 UTC
                """);
        // today's default sets conflicts aside (TestPayloadConflicts); this is the strict mode
        Files.writeString(project.resolve("vault.yml"), "loading: { conflicts: fail }\n", StandardOpenOption.APPEND);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.model("hub_customer").status()).isEqualTo(ModelResult.Status.SUCCESS);
            ModelResult satellite = run.model("sat_customer");
            assertThat(satellite.status()).isEqualTo(ModelResult.Status.FAILED);
            assertThat(satellite.error().orElseThrow())
                    .contains("satellite 'sat_customer'")
                    .contains("models/vault.yml:")
                    .contains("different payloads for id = 'c1' at load_datetime 2026-11-01 00:00:00.000000 UTC from record sources crm")
                    .doesNotContain("deduplicate");
            // only the ghost record, inserted by its own statement before the load
            assertThat(TestLeadsVault.count(vault, "(SELECT * FROM iceberg.silver_conflict.sat_customer WHERE record_source <> 'SYSTEM')")).isZero();
            // the empty snapshot Trino commits for CREATE TABLE and the ghost record's: the failed INSERT committed nothing
            assertThat(vault.snapshotCount("sat_customer")).isEqualTo(2);
        }
    }

    @Test
    void missingSourceTableFailsItsBranchOnly()
    {
        Path project = project("missing", "id,name,city,loaded_at\n");
        TestingProjects.write(project.resolve("models/other.yml"), """
                sources:
                  - name: never_landed
                    record-source: erp
                    load-timestamp: loaded_at
                    columns:
                      - { name: id, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                stages:
                  - name: stg_never_landed
                    source: never_landed
                    hash-keys:
                      hk_other: [id]
                hubs:
                  - name: hub_other
                    hash-key: hk_other
                    business-keys: [id]
                    sources: [stg_never_landed]
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.model("never_landed").status()).isEqualTo(ModelResult.Status.FAILED);
            assertThat(run.model("never_landed").error().orElseThrow()).contains("iceberg.bronze_missing.never_landed does not exist").contains("vault seed");
            assertThat(run.model("stg_never_landed").status()).isEqualTo(ModelResult.Status.SKIPPED);
            assertThat(run.model("hub_other").status()).isEqualTo(ModelResult.Status.SKIPPED);
            assertThat(run.model("hub_customer").status()).isEqualTo(ModelResult.Status.SUCCESS);
            assertThat(run.successful()).isFalse();
        }
    }

    private Path project(String name, String customersCsv)
    {
        Path project = temp.resolve(name);
        TestingProjects.write(project.resolve("vault.yml"), """
                name: %s
                seed-paths: [seeds]
                schemas: { bronze: bronze_%s, staging: silver_%s, silver: silver_%s, gold: gold_%s }
                """.formatted(name, name, name, name, name));
        TestingProjects.write(project.resolve("models/vault.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/customers.csv"), customersCsv);
        return project;
    }
}
