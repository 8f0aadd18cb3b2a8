package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the conformance scenarios cannot show with their fixed snapshot days: when new snapshot
 * days arrive, the PIT and the bridge add them for the keys they have, and leave the snapshots
 * they built alone.
 */
class TestPitLoading
{
    @TempDir
    Path temp;

    @Test
    void newSnapshotsAreAddedForKnownKeys()
            throws IOException
    {
        Path project = temp.resolve("pit");
        Path definition = Path.of("src/test/resources/conformance/pit-bridge");
        try (Stream<Path> files = Files.walk(definition)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("scenarios")).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8).replace("conformance_pit_", "pit_loading_");
                TestingProjects.write(project.resolve(definition.relativize(file).toString()), content);
            }
        }
        Path models = project.resolve("models/models.yml");
        String twoDays = Files.readString(models, StandardCharsets.UTF_8).replace("end-date: 2026-01-06", "end-date: 2026-01-02");
        TestingProjects.write(models, twoDays);
        TestingProjects.write(project.resolve("seeds/crm_names.csv"), """
                customer_id,name,loaded_at
                A,Ana,2026-01-01 10:00:00 UTC
                A,Ana Maria,2026-01-02 13:00:00 UTC
                """);
        TestingProjects.write(project.resolve("seeds/sales.csv"), "customer_id,product_id,loaded_at\nA,P,2026-01-01 10:00:00 UTC\n");
        TestingProjects.write(project.resolve("seeds/listings.csv"), "product_id,store_id,loaded_at\nP,S,2026-01-01 10:00:00 UTC\n");
        TestingProjects.write(project.resolve("seeds/shop_addresses.csv"), "customer_id,city,loaded_at\n");
        TestingProjects.write(project.resolve("vault.yml"), Files.readString(project.resolve("vault.yml"), StandardCharsets.UTF_8) + "seed-paths: [seeds]\n");
        String pit = "SELECT CAST(p.snapshot_datetime AS varchar), n.name FROM iceberg.pit_loading_silver.pit_customer p "
                + "LEFT JOIN iceberg.pit_loading_silver.sat_customer_name n ON n.hk_customer = p.sat_customer_name_key AND n.load_datetime = p.sat_customer_name_load_datetime "
                + "ORDER BY 1";
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult first = vault.run();
            assertThat(first.failures()).isEmpty();
            assertThat(first.model("pit_customer").rowsWritten()).hasValue(2);
            assertThat(rows(vault, pit)).containsExactly("2026-01-01 12:00:00.000000 UTC Ana", "2026-01-02 12:00:00.000000 UTC Ana");
        }

        TestingProjects.write(models, twoDays.replace("end-date: 2026-01-02", "end-date: 2026-01-04"));
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            RunResult second = vault.run();
            assertThat(second.failures()).isEmpty();
            assertThat(second.model("control_snapshots").rowsWritten()).hasValue(2);
            // the two new days for the known key; the built ones untouched
            assertThat(second.model("pit_customer").rowsWritten()).hasValue(2);
            assertThat(second.model("bridge_customer_store").rowsWritten()).hasValue(2);
            assertThat(rows(vault, pit)).containsExactly(
                    "2026-01-01 12:00:00.000000 UTC Ana",
                    "2026-01-02 12:00:00.000000 UTC Ana",
                    "2026-01-03 12:00:00.000000 UTC Ana Maria",
                    "2026-01-04 12:00:00.000000 UTC Ana Maria");
            assertThat(rows(vault, "SELECT CAST(snapshot_datetime AS varchar) FROM iceberg.pit_loading_silver.bridge_customer_store ORDER BY 1"))
                    .containsExactly("2026-01-01 12:00:00.000000 UTC", "2026-01-02 12:00:00.000000 UTC", "2026-01-03 12:00:00.000000 UTC", "2026-01-04 12:00:00.000000 UTC");
            assertThat(vault.test().failures()).isEmpty();
        }
    }
}
