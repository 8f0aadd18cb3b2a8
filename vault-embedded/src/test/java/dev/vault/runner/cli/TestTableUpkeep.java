package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.core.model.ModelKind;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.MaintenanceResult;
import dev.vault.runner.MaintenanceRun;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.TableStatus;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vault maintain} and {@code vault status} on the example project loaded in two batches:
 * maintenance compacts files and expires snapshots per the policy (vault.yml, and the satellite's
 * own) without changing a row, and status reports what the Iceberg metadata tables say.
 */
class TestTableUpkeep
{
    private static final String SILVER = "iceberg.silver_upkeep";

    @TempDir
    Path temp;

    @Test
    void maintainCompactsAndExpiresWithoutChangingRowsAndStatusMatchesTheMetadata()
            throws IOException
    {
        Path project = TestingProjects.copyExample(temp.resolve("project"), "upkeep");
        // expire everything but the 2 newest snapshots; the embedded engine allows retention below Trino's 7d minimum
        String config = Files.readString(project.resolve("vault.yml"));
        Files.writeString(project.resolve("vault.yml"), config
                .replace("expire-snapshots: {older-than: 7d, keep-last: 5}", "expire-snapshots: {older-than: 0s, keep-last: 2}")
                .replace("remove-orphan-files: {older-than: 7d}", "remove-orphan-files: {older-than: 0s}"));

        try (Vault vault = vault(project, "examples/leads/batch_1")) {
            assertThat(vault.status(List.of("hub_produtor")))
                    .singleElement()
                    .satisfies(status -> assertThat(status.built()).isFalse());
            assertThat(vault.seed().successful()).isTrue();
            assertThat(vault.run().failures()).isEmpty();
        }
        try (Vault vault = vault(project, "examples/leads/batch_1", "examples/leads/batch_2")) {
            assertThat(vault.seed().successful()).isTrue();
            assertThat(vault.run().failures()).isEmpty();

            // status: every figure as the metadata tables and the table itself say
            List<TableStatus> statuses = vault.status(vault.project().models().keySet());
            assertThat(statuses).extracting(status -> status.table().table()).contains(
                    "crm_activecampaign_contacts", "hub_pessoa", "hub_pessoa_records", "sal_pessoa", "hub_pessoa_junk_keys", "hub_produtor",
                    "link_pessoa_produtor", "sat_pessoa_detalhes", "mart_leads_unificados");
            assertThat(statuses).extracting(status -> status.table().table()).doesNotContain("stg_crm_contacts", "hub_pessoa_resolved");
            for (TableStatus status : statuses) {
                String table = status.table().toString();
                assertThat(status.built()).as(table).isTrue();
                assertThat(status.rows()).as(table).hasValue(number(vault, "SELECT count(*) FROM " + table));
                assertThat(status.dataFiles()).as(table).hasValue(number(vault, "SELECT count(*) FROM " + metadata(status, "files")));
                assertThat(status.totalBytes()).as(table).hasValue(number(vault, "SELECT coalesce(sum(file_size_in_bytes), 0) FROM " + metadata(status, "files")));
                assertThat(status.snapshots()).as(table).hasValue(number(vault, "SELECT count(*) FROM " + metadata(status, "snapshots")));
                List<Object> latest = vault.query("SELECT snapshot_id, to_unixtime(committed_at) FROM " + metadata(status, "snapshots") + " ORDER BY committed_at DESC LIMIT 1").rows().getFirst();
                assertThat(status.lastSnapshotId()).as(table).hasValue(((Number) latest.get(0)).longValue());
                assertThat(status.lastLoad()).as(table).contains(Instant.ofEpochMilli(Math.round(((Number) latest.get(1)).doubleValue() * 1000)));
            }
            TableStatus linkBefore = status(statuses, "link_pessoa_produtor");
            TableStatus satelliteBefore = status(statuses, "sat_pessoa_detalhes");
            // created empty, then two loads, each writing a file per bucket: several snapshots and files
            assertThat(linkBefore.snapshots().getAsLong()).isGreaterThanOrEqualTo(3);

            List<Object> linkSnapshotsBefore = snapshotIds(vault, linkBefore);
            Map<String, List<String>> contents = contents(vault, statuses);
            MaintenanceRun run = vault.maintain(vault.project().models().keySet());

            assertThat(run.successful()).as(run.toString()).isTrue();
            // sources are not maintained unless vault.yml says 'sources: true'
            assertThat(run.tables()).extracting(result -> result.table().table())
                    .containsExactly("hub_pessoa", "hub_pessoa_records", "sal_pessoa", "hub_pessoa_junk_keys", "hub_pessoa_keys", "hub_produtor",
                            "link_pessoa_produtor", "sat_pessoa_detalhes", "mart_leads_unificados");
            assertThat(run.tables()).allSatisfy(result -> {
                assertThat(result.status()).isEqualTo(MaintenanceResult.Status.MAINTAINED);
                assertThat(result.steps()).containsExactly("optimize", "optimize_manifests", "expire_snapshots", "remove_orphan_files", "analyze");
            });
            assertThat(contents(vault, statuses)).as("no row changes").isEqualTo(contents);

            List<TableStatus> after = vault.status(vault.project().models().keySet());
            for (MaintenanceResult result : run.tables()) {
                String table = result.table().toString();
                TableStatus now = status(after, result.table().table());
                assertThat(result.after().dataFiles()).as(table).isEqualTo(now.dataFiles());
                assertThat(result.after().snapshots()).as(table).isEqualTo(now.snapshots());
                assertThat(result.after().dataFiles().getAsLong()).as(table).isLessThanOrEqualTo(result.before().dataFiles().getAsLong());
                if (!result.model().equals("sat_pessoa_detalhes")) {
                    // keep-last 2, older-than 0s: the 2 newest stay, and the newest load with the compactions after it
                    List<String> operations = vault.query("SELECT operation FROM " + metadata(now, "snapshots") + " ORDER BY committed_at DESC").rows().stream()
                            .map(row -> (String) row.getFirst())
                            .toList();
                    int sinceLastLoad = operations.indexOf(operations.stream().filter(operation -> !operation.equals("replace")).findFirst().orElseThrow()) + 1;
                    // (orElseThrow above: the newest load is still there, whatever keep-last says)
                    // a table mart is replaced whole: its earlier snapshots are no ancestors of the current one, and keep-last counts ancestors
                    long kept = result.kind() == ModelKind.MART ? 1 : Math.min(2, result.before().snapshots().getAsLong());
                    assertThat((long) operations.size()).as(table)
                            .isLessThanOrEqualTo(Math.max(2, sinceLastLoad))
                            .isGreaterThanOrEqualTo(kept);
                }
            }
            MaintenanceResult link = result(run, "link_pessoa_produtor");
            assertThat(link.before().dataFiles()).isEqualTo(linkBefore.dataFiles());
            assertThat(link.after().dataFiles().getAsLong()).isLessThan(linkBefore.dataFiles().getAsLong());
            // of the snapshots before, only the newest load stays: the compactions after it make the 2 newest
            List<Object> linkSnapshotsAfter = snapshotIds(vault, status(after, "link_pessoa_produtor"));
            assertThat(linkSnapshotsBefore.stream().filter(linkSnapshotsAfter::contains).toList())
                    .containsExactly(linkBefore.lastSnapshotId().getAsLong());
            // the satellite's own policy keeps 30 days of snapshots: nothing expired, compaction added some
            MaintenanceResult satellite = result(run, "sat_pessoa_detalhes");
            assertThat(satellite.after().snapshots().getAsLong()).isGreaterThanOrEqualTo(satelliteBefore.snapshots().getAsLong());
            assertThat(satellite.after().dataFiles().getAsLong()).isLessThan(satelliteBefore.dataFiles().getAsLong());

            // maintenance rewrote files, not data: the next run has nothing to do
            RunResult again = vault.run();
            assertThat(again.failures()).isEmpty();
            assertThat(again.model("mart_leads_unificados").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
            assertThat(again.model("hub_pessoa").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
        }

        // the CLI: a line per table and maintenance_results.json; status as JSON
        Result maintain = cli(project, "maintain", "--select", "hub_produtor");
        assertThat(maintain.exitCode()).as(maintain.err()).isZero();
        assertThat(maintain.out()).containsPattern("MAINTAINED +hub_produtor +files \\d+ -> \\d+, snapshots \\d+ -> \\d+ +optimize, optimize_manifests, expire_snapshots, remove_orphan_files, analyze");
        JsonNode artifact = new ObjectMapper().readTree(project.resolve(".vault/maintenance_results.json").toFile());
        assertThat(artifact.get("schema").asText()).isEqualTo("vault/maintenance-results/v1");
        assertThat(artifact.get("tables")).hasSize(1);
        assertThat(artifact.get("tables").get(0).get("status").asText()).isEqualTo("maintained");
        long snapshotsAfter = artifact.get("tables").get(0).get("snapshots_after").asLong();

        Result status = cli(project, "status", "--select", "hub_produtor", "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode tables = new ObjectMapper().readTree(status.out()).get("tables");
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).get("table").asText()).isEqualTo("iceberg.silver_upkeep.hub_produtor");
        assertThat(tables.get(0).get("snapshots").asLong()).isEqualTo(snapshotsAfter);
        assertThat(tables.get(0).get("built").asBoolean()).isTrue();
        Result table = cli(project, "status", "--select", "hub_produtor+");
        assertThat(table.out()).startsWith("table ").contains("silver_upkeep.hub_produtor ").contains("gold_upkeep.mart_leads_unificados ").contains("(3 rows)");
    }

    private static Vault vault(Path project, String... seedPaths)
    {
        return TestingVaultEngine.configure(project).seedPaths(Arrays.stream(seedPaths).map(project::resolve).toList()).load();
    }

    private static Map<String, List<String>> contents(Vault vault, List<TableStatus> tables)
    {
        Map<String, List<String>> contents = new HashMap<>();
        for (TableStatus table : tables) {
            contents.put(table.table().toString(), vault.query("SELECT * FROM " + table.table()).rows().stream()
                    .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
                    .sorted()
                    .toList());
        }
        return contents;
    }

    private static List<Object> snapshotIds(Vault vault, TableStatus status)
    {
        return vault.query("SELECT snapshot_id FROM " + metadata(status, "snapshots")).rows().stream().map(List::getFirst).toList();
    }

    private static String metadata(TableStatus status, String suffix)
    {
        return status.table().catalog() + "." + status.table().schema() + ".\"" + status.table().table() + "$" + suffix + "\"";
    }

    private static long number(Vault vault, String sql)
    {
        return ((Number) vault.query(sql).rows().getFirst().getFirst()).longValue();
    }

    private static TableStatus status(List<TableStatus> statuses, String table)
    {
        return statuses.stream().filter(status -> status.table().table().equals(table)).findFirst().orElseThrow();
    }

    private static MaintenanceResult result(MaintenanceRun run, String table)
    {
        return run.tables().stream().filter(result -> result.table().table().equals(table)).findFirst().orElseThrow();
    }

    private static Result cli(Path project, String... args)
    {
        String[] arguments = Stream.concat(Arrays.stream(args),
                Stream.of("--project-dir", project.toString(), "--jdbc-url", TestingVaultEngine.jdbcUrl())).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
