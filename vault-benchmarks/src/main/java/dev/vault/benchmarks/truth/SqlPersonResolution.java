package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.benchmarks.BulkInsert;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Column;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Comparison;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Configuration;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Key;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Part;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Prepared;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Resolves labelled person records with the warehouse's own SQL: a project is written for one
 * {@link Configuration} (a bronze table of the records, one stage mapping its columns to the
 * configuration's typed parts, an identity hub, and vault.yml's {@code identity:} with its keys,
 * comparisons and junk guard), the records are appended to bronze, {@code vault run} resolves them
 * on a fresh embedded Trino + Iceberg warehouse, and the persons are read back from the stage
 * joined to the hub's resolved view, keyed by the generator's record ids, with the junk keys and
 * skipped blocks of the hub's junk table.
 */
public final class SqlPersonResolution
{
    static final String SOURCE = "person_records";
    static final String STAGE = "stg_person_records";
    static final String HUB = "hub_person";
    static final String RECORD_ID = "record_id";
    /** The bronze columns: the record id, every column a part can read, and the load time. */
    static final List<Column> COLUMNS = List.of(Column.values());

    private SqlPersonResolution() {}

    /**
     * What the SQL found, and how long it took.
     *
     * @param result record id -> person (hk_person), and the hub's junk keys and skipped blocks
     * @param engineStart starting the embedded Trino
     * @param bronze appending the records to bronze (not part of the resolution)
     * @param run {@code vault run}: the stage view and the identity hub
     * @param identityHub the identity hub's result
     */
    public record Outcome(IdentityUnifier.Result result, Duration engineStart, BulkInsert.Load bronze, RunResult run, ModelResult identityHub, Path project)
    {
        public Outcome
        {
            requireNonNull(result, "result is null");
            requireNonNull(engineStart, "engineStart is null");
            requireNonNull(bronze, "bronze is null");
            requireNonNull(run, "run is null");
            requireNonNull(identityHub, "identityHub is null");
            requireNonNull(project, "project is null");
        }

        public String formatTimings()
        {
            return """
                      engine start %.1f s; bronze %,d rows in %d statements, %.1f s (not measured)
                      vault run %.1f s; %s %.1f s: %s
                    """.formatted(seconds(engineStart), bronze.rows(), bronze.statements(), seconds(bronze.duration()),
                    seconds(run.duration()), identityHub.model(), seconds(identityHub.duration()), identityHub.detail());
        }
    }

    /**
     * Writes the project for {@code configuration} into {@code work}/project, resolves
     * {@code records} on an embedded engine over {@code work}/warehouse and stops the engine.
     *
     * @throws IllegalStateException when the run fails or the persons read back do not cover
     *         exactly the records; the work folder is left for inspection
     */
    public static Outcome run(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records, Path work, Consumer<String> progress)
    {
        Path project = writeProject(configuration, work.resolve("project"));
        Duration[] engineStart = {Duration.ZERO};
        VaultListener listener = new VaultListener()
        {
            @Override
            public void engineReady(String description, Duration startup)
            {
                engineStart[0] = startup;
                progress.accept("engine ready in %.1f s".formatted(seconds(startup)));
            }

            @Override
            public void modelFinished(ModelResult result, int index, int total)
            {
                progress.accept("%-22s %-8s %6.1f s  %s%s".formatted(result.model(), result.status().name().toLowerCase(Locale.ROOT),
                        seconds(result.duration()), result.detail(), result.error().map(error -> ": " + error).orElse("")));
            }
        };
        try (Vault vault = Vault.configure()
                .projectDirectory(project)
                .warehouse(work.resolve("warehouse"))
                .engineLog(SqlUnification.ENGINE_LOG)
                .listener(listener)
                .load()) {
            Prepared prepared = TypedIdentityQuality.prepare(configuration);
            checkState(vault.project().config().identity().equals(prepared.settings()), "the written project's identity settings %s are not %s",
                    vault.project().config().identity(), prepared.settings());
            vault.jdbcUrl(); // starts the engine, so that its start is not counted in the run

            BulkInsert.Load bronze = loadBronze(vault, records);
            progress.accept("bronze: %,d rows in %d statements, %.1f s".formatted(bronze.rows(), bronze.statements(), seconds(bronze.duration())));
            RunResult run = vault.run();
            checkState(run.failures().isEmpty() && run.successful(), "the run failed: %s", run.models().stream()
                    .filter(ModelResult::failed).map(failure -> failure.model() + ": " + failure.error().orElse(failure.detail())).toList());

            Project model = vault.project();
            Hub hub = model.model(HUB, Hub.class);
            Stage stage = model.model(STAGE, Stage.class);
            Map<String, String> personOf = new HashMap<>();
            for (List<Object> row : vault.query("SELECT stg.%s, resolved.%s FROM %s AS stg JOIN %s AS resolved ON resolved.%s = stg.%s".formatted(
                    SqlText.identifier(RECORD_ID), SqlText.identifier(hub.hashKey()), SqlText.table(model.tableName(stage)),
                    SqlText.table(model.refTable(hub.resolvedView())), SqlText.identifier(StageIdentity.RECORD), SqlText.identifier(StageIdentity.RECORD))).rows()) {
                String previous = personOf.put((String) row.get(0), (String) row.get(1));
                checkState(previous == null, "record %s has two persons", row.get(0));
            }
            checkState(personOf.size() == records.size(), "SQL resolved %,d of the %,d records", personOf.size(), records.size());
            List<IdentityUnifier.JunkKey> junk = new ArrayList<>();
            for (List<Object> row : vault.query("SELECT key_name, key_value, records FROM " + SqlText.table(model.refTable(hub.junkKeysTable()))).rows()) {
                junk.add(new IdentityUnifier.JunkKey((String) row.get(0), (String) row.get(1), ((Number) row.get(2)).intValue()));
            }
            // the unifier's order: most shared first
            junk.sort(Comparator.comparingInt(IdentityUnifier.JunkKey::records).reversed()
                    .thenComparing(IdentityUnifier.JunkKey::key).thenComparing(IdentityUnifier.JunkKey::value));
            return new Outcome(new IdentityUnifier.Result(ImmutableMap.copyOf(personOf), ImmutableList.copyOf(junk)), engineStart[0], bronze, run,
                    run.model(HUB), project);
        }
    }

    private static BulkInsert.Load loadBronze(Vault vault, List<PersonRecordsGenerator.PersonRecord> records)
    {
        Project project = vault.project();
        dev.vault.core.model.Source source = project.model(SOURCE, dev.vault.core.model.Source.class);
        String table = SqlText.table(project.tableName(source));
        SqlExecutor executor = new SqlExecutor(vault.session());
        try {
            executor.update("CREATE SCHEMA IF NOT EXISTS %s.%s".formatted(SqlText.identifier(project.tableName(source).catalog()),
                    SqlText.identifier(project.tableName(source).schema())));
            executor.update("CREATE TABLE %s (%n    %s%n)%nWITH (format = 'PARQUET', format_version = 2)".formatted(table,
                    source.columns().stream().map(column -> SqlText.identifier(column.name()) + " " + column.type()).collect(Collectors.joining(",\n    "))));
        }
        catch (SQLException e) {
            throw new IllegalStateException("creating the bronze table failed: " + e.getMessage(), e);
        }
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        columns.add(RECORD_ID);
        types.add("varchar");
        for (Column column : COLUMNS) {
            columns.add(column.columnName());
            types.add("varchar");
        }
        columns.add("_loaded_at");
        types.add("timestamp(6) with time zone");
        String loadedAt = "2026-12-04 00:00:00.000000 UTC";
        List<String[]> rows = records.stream()
                .map(record -> Stream.concat(Stream.concat(Stream.of(record.recordId()), COLUMNS.stream().map(column -> column.value(record))), Stream.of(loadedAt))
                        .toArray(String[]::new))
                .toList();
        return BulkInsert.append(executor, table, columns, types, rows);
    }

    /** vault.yml and the models of a project resolving person records by {@code configuration}. */
    static Path writeProject(Configuration configuration, Path project)
    {
        Prepared prepared = TypedIdentityQuality.prepare(configuration);
        StringBuilder config = new StringBuilder("""
                # written by ./bench persons --engine sql for the configuration %s
                name: persons_bench
                version: 1
                model-paths: [models]
                target-path: .vault
                catalog: iceberg
                schemas:
                  bronze: persons_bronze
                  staging: persons_silver
                  silver: persons_silver
                  gold: persons_gold
                identity:
                  default-country: BR
                  keys:
                """.formatted(configuration.name()));
        for (Key key : configuration.keys()) {
            config.append("    %s: [%s]%n".formatted(key.name(), key.parts().stream().map(Part::label).collect(Collectors.joining(", "))));
        }
        if (!configuration.comparisons().isEmpty()) {
            config.append("  comparisons:\n");
            for (Comparison comparison : configuration.comparisons()) {
                config.append("    %s:%n      block-on: [%s]%n      max-block-size: %d%n      max-edits: {%s: %d}%n".formatted(comparison.name(),
                        comparison.block().parts().stream().map(Part::label).collect(Collectors.joining(", ")), comparison.maxBlock(),
                        comparison.compared().label(), comparison.maxDistance()));
            }
        }
        config.append("  max-records-per-key: %s%n".formatted(configuration.maxRecordsPerKey() == 0 ? "off" : configuration.maxRecordsPerKey()));

        StringBuilder sources = new StringBuilder("""
                sources:
                  - name: %s
                    record-source: generator
                    load-timestamp: _loaded_at
                    columns:
                      - { name: %s, type: varchar }
                """.formatted(SOURCE, RECORD_ID));
        for (Column column : COLUMNS) {
            sources.append("      - { name: %s, type: varchar }%n".formatted(column.columnName()));
        }
        sources.append("      - { name: _loaded_at, type: timestamp(6) with time zone }\n");

        StringBuilder stages = new StringBuilder("""
                stages:
                  - name: %s
                    source: %s
                    identity:
                      record-key: [%s]
                      name: %s
                      email: %s
                """.formatted(STAGE, SOURCE, RECORD_ID, Column.NAME.columnName(), Column.EMAIL.columnName()));
        if (!prepared.kinds().isEmpty()) {
            stages.append("      parts:\n");
            prepared.kinds().forEach((part, kind) -> stages.append("        %s: {column: %s, kind: %s}%n".formatted(part,
                    prepared.columns().get(part).columnName(), kind.id())));
        }
        String vault = """
                hubs:
                  - name: %s
                    hash-key: hk_person
                    identity: true
                    sources: [%s]
                """.formatted(HUB, STAGE);
        try {
            Files.createDirectories(project.resolve("models"));
            Files.writeString(project.resolve("vault.yml"), config, StandardCharsets.UTF_8);
            Files.writeString(project.resolve("models").resolve("sources.yml"), sources, StandardCharsets.UTF_8);
            Files.writeString(project.resolve("models").resolve("staging.yml"), stages, StandardCharsets.UTF_8);
            Files.writeString(project.resolve("models").resolve("vault.yml"), vault, StandardCharsets.UTF_8);
            return project;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }
}
