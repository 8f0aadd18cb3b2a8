package dev.vault.examples;

import dev.vault.core.model.ModelKind;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example's logic on a copy of the repository's own project (the leads vault), on a
 * fresh warehouse with an embedded Trino of its own.
 */
class TestEmbeddingExample
{
    /** The repository root, seen from this module's directory (Maven runs tests there). */
    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> SILVER_TABLES = List.of("hub_pessoa", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes");
    /** Standard output as it was before the embedded engine's logging took System.out over. */
    private static final PrintStream STDOUT = System.out;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net: the build is ~30 s on an idle 2-core machine, more when it is busy
    void buildsTheLeadsVaultAndASecondRunInsertsNothing()
            throws IOException
    {
        Path project = copyExampleProject(temp.resolve("project"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        try (Vault vault = EmbeddingExample.open(project, temp.resolve("warehouse"), out)) {
            EmbeddingExample.Outcome outcome = EmbeddingExample.build(vault, out);
            String printed = console.toString(StandardCharsets.UTF_8);
            assertThat(outcome.exitStatus()).as(printed).isZero();
            assertThat(outcome.seed().successful()).isTrue();
            assertThat(outcome.run().successful()).isTrue();
            assertThat(outcome.run().failures()).isEmpty();
            assertThat(outcome.tests().tests()).isNotEmpty();
            assertThat(outcome.tests().successful()).as(printed).isTrue();

            // every CSV row landed in bronze
            long bronzeRows = counts(vault, "iceberg.bronze.crm_activecampaign_contacts", "iceberg.bronze.facebook_ads_leads", "iceberg.bronze.google_ads_leads")
                    .values().stream().mapToLong(Long::longValue).sum();
            assertThat(bronzeRows).isEqualTo(csvRows(project.resolve("examples/leads"))).isPositive();
            assertThat(outcome.seed().rowsWritten()).isEqualTo(bronzeRows);

            // persons were resolved and loaded, and the gold mart has one row per person and producer
            Map<String, Long> rows = counts(vault, SILVER_TABLES.stream().map(table -> "iceberg.silver." + table).toArray(String[]::new));
            long persons = rows.get("iceberg.silver.hub_pessoa");
            assertThat(persons).isPositive().isLessThan(bronzeRows);
            assertThat(outcome.run().model("hub_pessoa").status()).isEqualTo(ModelResult.Status.SUCCESS);
            assertThat(outcome.run().model("hub_pessoa").rowsWritten()).hasValue(persons);
            assertThat(counts(vault, "iceberg.gold.mart_leads_unificados").values()).containsExactly(rows.get("iceberg.silver.link_pessoa_produtor"));
            assertThat(rows.get("iceberg.silver.link_pessoa_produtor")).isPositive();

            // the listener printed a line per model and test, and the summaries
            assertThat(printed)
                    .contains("Starting the embedded Trino on ")
                    .containsPattern("success +hub +hub_pessoa +" + persons + " rows")
                    .contains("mart_leads_unificados")
                    .contains("Run: ")
                    .contains("Test: " + outcome.tests().tests().size() + " passed, 0 failed");

            // a second run with no new data: nothing inserted, no new Iceberg snapshot in silver
            Map<String, Long> snapshots = snapshots(vault);
            RunResult again = vault.run();
            assertThat(again.successful()).isTrue();
            assertThat(again.rowsWritten()).isZero();
            assertThat(again.models())
                    .filteredOn(model -> model.kind() == ModelKind.HUB || model.kind() == ModelKind.LINK || model.kind() == ModelKind.SATELLITE)
                    .isNotEmpty()
                    .allSatisfy(model -> assertThat(model.rowsWritten()).as(model.model()).hasValue(0));
            assertThat(again.model("hub_pessoa").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
            assertThat(again.model("mart_leads_unificados").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
            assertThat(counts(vault, rows.keySet().toArray(String[]::new))).isEqualTo(rows);
            assertThat(snapshots(vault)).isEqualTo(snapshots);
        }
        finally {
            // what the example printed, in target/surefire-reports/*-output.txt
            STDOUT.print(console.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anInvalidProjectIsExitStatus3AndNothingRuns()
            throws IOException
    {
        Path project = copyExampleProject(temp.resolve("broken"));
        Files.writeString(project.resolve("models/silver/broken.yml"), """
                hubs:
                  - name: hub_broken
                    hash-key: hk_pessoa
                    business-keys: [person_key]
                    sources: [stg_no_such_stage]
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path warehouse = temp.resolve("broken-warehouse");

        int status = EmbeddingExample.run(project, warehouse,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the project is invalid")
                .contains("broken.yml")
                .contains("stg_no_such_stage");
        // the project was rejected when it loaded: no engine started, no warehouse written
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Starting the embedded Trino");
        assertThat(warehouse).doesNotExist();
    }

    /** Row counts of tables, in one query. */
    private static Map<String, Long> counts(Vault vault, String... tables)
    {
        String sql = "SELECT " + String.join(", ", Stream.of(tables).map(table -> "(SELECT count(*) FROM " + table + ")").toList());
        List<Object> values = vault.query(sql).rows().getFirst();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < tables.length; i++) {
            counts.put(tables[i], ((Number) values.get(i)).longValue());
        }
        return counts;
    }

    private static Map<String, Long> snapshots(Vault vault)
    {
        Map<String, Long> snapshots = new LinkedHashMap<>();
        SILVER_TABLES.forEach(table -> snapshots.put(table, vault.snapshotCount(table)));
        return snapshots;
    }

    /** Data rows in every seed CSV under a folder (the example files have no quoted line breaks). */
    private static long csvRows(Path folder)
            throws IOException
    {
        long rows = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".csv")).toList()) {
                rows += Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(line -> !line.isBlank()).count();
            }
        }
        return rows;
    }

    /** The repository's project: vault.yml, models/ and the seed data in examples/leads/. */
    private static Path copyExampleProject(Path target)
            throws IOException
    {
        Files.createDirectories(target);
        Files.copy(REPOSITORY.resolve("vault.yml"), target.resolve("vault.yml"));
        copyTree(REPOSITORY.resolve("models"), target.resolve("models"));
        copyTree(REPOSITORY.resolve("examples/leads"), target.resolve("examples/leads"));
        return target;
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
