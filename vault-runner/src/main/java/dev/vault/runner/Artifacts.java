package dev.vault.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.maintenance.Durations;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.lineage.ColumnLineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The JSON files a run leaves in the project's target path (.vault/ by default) for people and
 * orchestrators: {@value #RUN_RESULTS} (what the last command did, model by model) and
 * {@value #MANIFEST} (the models, their DAG and checksums of their compiled SQL). Their schema
 * is documented in docs/artifacts.md; each file names its schema version.
 */
public final class Artifacts
{
    public static final String RUN_RESULTS = "run_results.json";
    public static final String MANIFEST = "manifest.json";
    public static final String RUN_RESULTS_SCHEMA = "vault/run-results/v1";
    public static final String MANIFEST_SCHEMA = "vault/manifest/v1";
    public static final String MAINTENANCE_RESULTS = "maintenance_results.json";
    public static final String MAINTENANCE_RESULTS_SCHEMA = "vault/maintenance-results/v1";
    public static final String STATUS_SCHEMA = "vault/status/v1";
    public static final String SOURCES = "sources.json";
    public static final String SOURCES_SCHEMA = "vault/sources/v1";
    public static final String PLAN_SCHEMA = "vault/plan/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Artifacts() {}

    public record RunResults(
            String schema,
            String command,
            String invocationId,
            String startedAt,
            double elapsedSeconds,
            String target,
            boolean success,
            List<ModelEntry> results,
            List<TestEntry> tests,
            ExecutionEntry execution) {}

    /**
     * Where a command's time went, over all its models and its setup (schemas, run lock, metadata):
     * statements sent to Trino, seconds inside the engine and outside it (vault's own), Trino CPU.
     */
    public record ExecutionEntry(Long statements, Long setupStatements, Double engineSeconds, Double outsideEngineSeconds, Double cpuSeconds, Double queuedSeconds) {}

    /**
     * One model; status is success, up_to_date, failed or skipped; snapshotId is the Iceberg
     * snapshot its load committed, null when it committed none.
     */
    public record ModelEntry(String model, String kind, String status, Long rowsWritten, double seconds, String detail, String error, Long snapshotId,
            Long statements, Double engineSeconds, Double outsideEngineSeconds, Double cpuSeconds) {}

    /**
     * One data test; status is pass, warn (failing rows of a warn-severity test), fail or error;
     * severity is warn or error; sample rows are up to 5 failing rows; sql selects the failing rows.
     */
    public record TestEntry(String name, String model, String status, String severity, Long failingRows, List<Map<String, Object>> sampleRows, String sql, double seconds, String error) {}

    public record Manifest(String schema, String project, List<ManifestModel> models) {}

    /**
     * @param definitionSha256 the checksum {@code state:modified} compares (see {@link #definitionSha256}); null in manifests written before it
     */
    public record ManifestModel(String name, String kind, String file, int line, String table, List<String> dependsOn, List<String> tags, List<ManifestStatement> statements,
            String definitionSha256, List<ManifestColumn> columns, String lineageUntraced) {}

    /**
     * A column's lineage (see {@link ColumnLineage}): what it holds, the {@code model.column}s it
     * is computed from one step up, and the bronze {@code source.column}s at the end of the chain.
     */
    public record ManifestColumn(String name, String how, List<String> inputs, List<String> bronze) {}

    /** One statement of a model; {@code sql} is its text, for {@code vault plan}'s diff (null in manifests written before it was kept). */
    public record ManifestStatement(String kind, String target, String sha256, String sql) {}

    /** What the last {@code vault maintain} (or {@code run --maintain}) did, table by table. */
    public record MaintenanceResults(
            String schema,
            String command,
            String invocationId,
            String startedAt,
            double elapsedSeconds,
            String target,
            boolean success,
            List<MaintenanceEntry> tables) {}

    /** One table; status is maintained, not_built or failed. Figures are null for a table not built. */
    public record MaintenanceEntry(
            String model,
            String kind,
            String table,
            String status,
            List<String> steps,
            Long filesBefore,
            Long filesAfter,
            Long bytesBefore,
            Long bytesAfter,
            Long snapshotsBefore,
            Long snapshotsAfter,
            double seconds,
            String error) {}

    /** What the last {@code vault freshness} found, as dbt's sources.json: one entry per source with a freshness block. */
    public record Sources(String schema, String invocationId, String checkedAt, double elapsedSeconds, String target, boolean success, List<SourceEntry> results) {}

    /**
     * One source; status is pass, warn, error or runtime_error; loadedAtField is null when the age
     * is the newest snapshot's; maxLoadedAt and its age are null when they could not be told.
     */
    public record SourceEntry(
            String source,
            String table,
            String status,
            String loadedAtField,
            String maxLoadedAt,
            String snapshottedAt,
            Double maxLoadedAtTimeAgoInS,
            FreshnessCriteria criteria,
            String error) {}

    /** The thresholds as written in the model file, e.g. 6h; null when not declared. */
    public record FreshnessCriteria(String warnAfter, String errorAfter) {}

    public static SourceEntry entry(SourceFreshness source, Instant checkedAt)
    {
        return new SourceEntry(source.source(), source.table().toString(), source.status().jsonName(), source.loadedAtField().orElse(null),
                source.loadedAt().map(Instant::toString).orElse(null), checkedAt.toString(),
                source.age().map(age -> age.toMillis() / 1000.0).orElse(null),
                new FreshnessCriteria(source.criteria().warnAfter().map(Durations::format).orElse(null), source.criteria().errorAfter().map(Durations::format).orElse(null)),
                source.error().orElse(null));
    }

    public static void writeSources(Path folder, Sources sources)
    {
        write(folder.resolve(SOURCES), sources);
    }

    /** The output of {@code vault status --format json}. */
    public record Status(String schema, String project, List<StatusEntry> tables) {}

    /** One table; figures are null when it is not built. */
    public record StatusEntry(String model, String kind, String table, boolean built, Long rows, Long dataFiles, Long totalBytes, Long snapshots, String lastLoad, Long lastSnapshotId) {}

    public static MaintenanceEntry entry(MaintenanceResult result)
    {
        return new MaintenanceEntry(result.model(), result.kind().displayName(), result.table().toString(), result.status().name().toLowerCase(Locale.ROOT),
                result.steps(),
                boxed(result.before().dataFiles()), boxed(result.after().dataFiles()),
                boxed(result.before().totalBytes()), boxed(result.after().totalBytes()),
                boxed(result.before().snapshots()), boxed(result.after().snapshots()),
                result.duration().toNanos() / 1e9, result.error().orElse(null));
    }

    public static StatusEntry entry(TableStatus status)
    {
        return new StatusEntry(status.model(), status.kind().displayName(), status.table().toString(), status.built(), boxed(status.rows()),
                boxed(status.dataFiles()), boxed(status.totalBytes()), boxed(status.snapshots()),
                status.lastLoad().map(Object::toString).orElse(null), boxed(status.lastSnapshotId()));
    }

    private static Long boxed(OptionalLong value)
    {
        return value.isPresent() ? value.getAsLong() : null;
    }

    public static void writeMaintenanceResults(Path folder, MaintenanceResults results)
    {
        write(folder.resolve(MAINTENANCE_RESULTS), results);
    }

    /** The status of tables as JSON, for {@code vault status --format json}. */
    public static String statusJson(String project, List<TableStatus> tables)
    {
        try {
            return JSON.writeValueAsString(new Status(STATUS_SCHEMA, project, tables.stream().map(Artifacts::entry).toList()));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write the status as JSON: " + e.getMessage(), e);
        }
    }

    public static ModelEntry entry(ModelResult result)
    {
        return new ModelEntry(result.model(), result.kind().displayName(), result.status().name().toLowerCase(Locale.ROOT),
                result.rowsWritten().isPresent() ? result.rowsWritten().getAsLong() : null,
                result.duration().toNanos() / 1e9, result.detail(), result.error().orElse(null),
                result.snapshotId().isPresent() ? result.snapshotId().getAsLong() : null,
                result.execution().statements(), seconds(result.execution().engine()), seconds(result.outsideEngine()), seconds(result.execution().cpu()));
    }

    /** Where the time of these runs went; {@code wall} is the command's duration. */
    public static ExecutionEntry execution(List<RunResult> runs, Duration wall)
    {
        ExecutionStats total = runs.stream().map(RunResult::execution).reduce(ExecutionStats.NONE, ExecutionStats::plus);
        long setup = runs.stream().mapToLong(run -> run.setup().statements()).sum();
        return new ExecutionEntry(total.statements(), setup, seconds(total.engine()), seconds(total.outsideEngine(wall)), seconds(total.cpu()), seconds(total.queued()));
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }

    public static TestEntry entry(DataTestResult result)
    {
        return new TestEntry(result.name(), result.model(), result.status().name().toLowerCase(Locale.ROOT), result.severity().yamlName(),
                result.failingRows().orElse(null), result.sampleRows(), result.sql(), result.duration().toNanos() / 1e9, result.error().orElse(null));
    }

    public static void writeRunResults(Path folder, RunResults results)
    {
        write(folder.resolve(RUN_RESULTS), results);
    }

    /**
     * Leaves {@value #RUN_RESULTS} in {@code folder}: what {@code command}, started at
     * {@code started}, did with its seeds, runs and data tests, for people and for a retry.
     */
    static void writeRunResults(Path folder, String command, Instant started, String target, List<RunResult> runs, Optional<TestResult> tests)
    {
        List<ModelEntry> models = runs.stream()
                .flatMap(run -> run.models().stream())
                .map(Artifacts::entry)
                .toList();
        List<TestEntry> testEntries = tests.map(result -> result.tests().stream().map(Artifacts::entry).toList()).orElse(List.of());
        boolean success = runs.stream().allMatch(RunResult::successful) && tests.map(TestResult::successful).orElse(true);
        writeRunResults(folder, new RunResults(
                RUN_RESULTS_SCHEMA,
                command,
                UUID.randomUUID().toString(),
                started.toString(),
                Duration.between(started, Instant.now()).toNanos() / 1e9,
                target,
                success,
                models,
                testEntries,
                execution(runs, Duration.between(started, Instant.now()))));
    }

    /** The run results the last command left, if any. */
    public static Optional<RunResults> readRunResults(Path folder)
    {
        Path file = folder.resolve(RUN_RESULTS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunResults.class));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "cannot read %s: %s; delete it and run again".formatted(file, e.getMessage()), e);
        }
    }

    public static void writeManifest(Path folder, Project project, Plan plan)
    {
        List<ManifestModel> models = new ArrayList<>();
        ColumnLineage lineage = ColumnLineage.of(project, plan);
        for (ModelPlan modelPlan : plan.models().values()) {
            Model model = modelPlan.model();
            List<ManifestStatement> statements = modelPlan.statements().stream()
                    .map(statement -> new ManifestStatement(statement.kind().name().toLowerCase(Locale.ROOT), statement.target().toString(), sha256(statement), statement.sql()))
                    .toList();
            models.add(new ManifestModel(
                    model.name(),
                    model.kind().displayName(),
                    model.location().file().toString().replace('\\', '/'),
                    model.location().line(),
                    modelPlan.target().toString(),
                    ImmutableList.sortedCopyOf(project.graph().parents(model.name())),
                    ImmutableList.sortedCopyOf(project.tags(model.name())),
                    statements,
                    definitionSha256(project, modelPlan),
                    lineage.columns(model.name()).stream()
                            .map(column -> new ManifestColumn(column.column(), column.how(), strings(column.inputs()), strings(column.bronze())))
                            .toList(),
                    lineage.untraced(model.name()).orElse(null)));
        }
        write(folder.resolve(MANIFEST), new Manifest(MANIFEST_SCHEMA, project.config().name(), models));
    }

    private static List<String> strings(List<ColumnLineage.ColumnRef> columns)
    {
        return columns.stream().map(ColumnLineage.ColumnRef::toString).toList();
    }

    /** The manifest in the folder, if there is one. */
    public static Optional<Manifest> readManifest(Path folder)
    {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Manifest.class));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "cannot read %s: %s; run the environment it describes again to renew it".formatted(file, e.getMessage()), e);
        }
    }

    /**
     * A model's definition, independent of where it is built: its compiled statements with the
     * target's catalog and schemas written as their layers, and the YAML positions (file:line:column)
     * as the file alone. Two targets of one project, or a model moved down its file, give the same
     * checksum; any change to what the model does gives another. A source has no statement: its
     * declaration counts (columns, types, table), positions left out.
     */
    public static String definitionSha256(Project project, ModelPlan plan)
    {
        StringBuilder definition = new StringBuilder();
        if (plan.model() instanceof Source source) {
            definition.append(source.toString().replaceAll("Location\\[[^\\]]*\\]", ""));
        }
        for (Statement statement : plan.statements()) {
            definition.append(statement.kind()).append('\n').append(statement.sql()).append("\n;\n");
        }
        String text = definition.toString();
        String catalog = project.config().catalog();
        for (Layer layer : Layer.values()) {
            String schema = project.config().schema(layer);
            String token = "{{" + layer.name().toLowerCase(Locale.ROOT) + "}}";
            text = text.replace(SqlText.identifier(catalog) + "." + SqlText.identifier(schema) + ".", token + ".")
                    .replace(catalog + "." + schema + ".", token + ".");
        }
        text = text.replaceAll("(\\.ya?ml):\\d+(:\\d+)?", "$1");
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }

    /** The output of {@code vault plan --format json}. */
    public record PlanOutput(String schema, String project, String target, boolean manifestFound, boolean hasWork, boolean refused, List<PlanEntry> models) {}

    /**
     * One model of a plan; action is create, load, skip, alter or refuse; changes are the columns
     * an alter adds or widens; new_snapshots the input tables with snapshots newer than the
     * model's last load; sql_status is unchanged, changed or new; sql_diff its unified diff lines.
     */
    public record PlanEntry(String model, String kind, String table, String action, List<String> reasons, List<String> changes, List<String> newSnapshots,
            String sqlStatus, List<String> sqlDiff) {}

    /** A plan as JSON, for {@code vault plan --format json}. */
    public static String planJson(String project, String target, PlanResult plan)
    {
        List<PlanEntry> models = plan.models().stream()
                .map(model -> new PlanEntry(model.model(), model.kind().displayName(), model.table().toString(), model.action().jsonName(), model.reasons(), model.changes(),
                        model.newSnapshots().stream().map(Object::toString).toList(), model.sql().status().jsonName(), model.sql().lines()))
                .toList();
        try {
            return JSON.writeValueAsString(new PlanOutput(PLAN_SCHEMA, project, target, plan.manifestFound(), plan.hasWork(), plan.refused(), models));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write the plan as JSON: " + e.getMessage(), e);
        }
    }

    private static String sha256(Statement statement)
    {
        return sha256(statement.sql());
    }

    static String sha256(String sql)
    {
        return Hashing.sha256().hashString(sql, StandardCharsets.UTF_8).toString();
    }

    /**
     * Written to a temporary file and moved: a reader never sees half a file. The temporary file
     * is one of its own, since two runs of a project (the Java API allows it; the run lock
     * serializes their loads, not their results) may write at once.
     */
    private static void write(Path file, Object value)
    {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try {
                JSON.writeValue(temporary.toFile(), value);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
