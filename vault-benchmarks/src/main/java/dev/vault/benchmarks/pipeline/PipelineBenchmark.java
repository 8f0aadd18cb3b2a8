package dev.vault.benchmarks.pipeline;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import dev.vault.benchmarks.BulkInsert;
import dev.vault.benchmarks.truth.GeneratedLead;
import dev.vault.benchmarks.truth.GroundTruth;
import dev.vault.benchmarks.truth.GroundTruthGenerator;
import dev.vault.benchmarks.truth.LeadCsvWriter;
import dev.vault.benchmarks.truth.Source;
import dev.vault.core.model.Layer;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.runner.ExecutionStats;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * One size of the pipeline benchmark: {@code leads} generated leads in the bronze tables of a copy
 * of the example project (schemas of its own, so sizes share one engine), then, measured, with the
 * real {@link Vault} API: the full load ({@code run()} bronze to gold), the {@link FloorSql SQL floor}
 * of that load, an incremental batch of new and changed leads appended to bronze and run, and a
 * re-run with nothing new. Filling bronze is not measured.
 */
public final class PipelineBenchmark
{
    /** The incremental batch: this fraction of the full load, half new leads and half changed ones. */
    public static final double INCREMENTAL_FRACTION = 0.01;
    /** When the incremental batch lands in bronze: a day after the first exports. */
    public static final Instant BATCH_LOADED_AT = GroundTruthGenerator.WINDOW_END.plus(2, ChronoUnit.DAYS);
    /** When the fixed-size batch lands: a day after the 1% batch. */
    public static final Instant FIXED_BATCH_LOADED_AT = BATCH_LOADED_AT.plus(1, ChronoUnit.DAYS);

    private static final String IDENTITY_HUB = "hub_pessoa";

    /**
     * One measured step.
     *
     * @param snapshots Iceberg snapshots committed to the project's silver and gold tables (or the floor's) during the step
     * @param dataFiles data files those snapshots added
     * @param peakHeapBytes the largest heap in use during the step, sampled (the engine runs in this JVM)
     * @param peakLiveHeapBytes the largest heap in use right after a major (full) collection during the step, live data
     *         alone; empty when none ran
     * @param majorCollections the major (full) collections during the step: each stops the engine, and they mean the heap is short
     * @param modelDetails what each model did, as the run result says (how it read its stages, and why in full)
     * @param statements the step's slowest statements, from the engine's query history
     * @param execution the statements vault's run sent and their cost inside the engine (none for the floor, which is not a vault run)
     */
    public record Step(
            String name,
            Duration duration,
            long rowsWritten,
            long snapshots,
            long dataFiles,
            long peakHeapBytes,
            OptionalLong peakLiveHeapBytes,
            int majorCollections,
            Duration gc,
            ImmutableMap<String, Double> modelSeconds,
            ImmutableMap<String, String> modelDetails,
            ImmutableList<QueryHistory.Query> statements,
            ExecutionStats execution)
    {
        public Step
        {
            requireNonNull(name, "name is null");
            requireNonNull(duration, "duration is null");
            requireNonNull(peakLiveHeapBytes, "peakLiveHeapBytes is null");
            requireNonNull(gc, "gc is null");
            requireNonNull(modelSeconds, "modelSeconds is null");
            requireNonNull(modelDetails, "modelDetails is null");
            requireNonNull(statements, "statements is null");
            requireNonNull(execution, "execution is null");
        }

        public double seconds()
        {
            return duration.toNanos() / 1e9;
        }
    }

    /** A table vault built and the floor's counterpart: their row counts and the rows in one and not the other. */
    public record TableComparison(String table, long vaultRows, long floorRows, long onlyInVault, long onlyInFloor)
    {
        public boolean same()
        {
            return vaultRows == floorRows && onlyInVault == 0 && onlyInFloor == 0;
        }
    }

    /**
     * One size's results.
     *
     * @param leads leads of the full load
     * @param batchNew new leads of the incremental batch
     * @param batchChanged changed leads of the incremental batch (a record already loaded, re-exported with a new phone)
     * @param fixedNew new leads of the fixed-size batch, the same number at every size (0 when not run)
     * @param fixedChanged changed leads of the fixed-size batch
     * @param fixed the run after the fixed-size batch, which shows what a batch costs on top of a larger history
     */
    public record Result(
            int leads,
            int batchNew,
            int batchChanged,
            int fixedNew,
            int fixedChanged,
            Duration generate,
            BulkInsert.Load bronze,
            BulkInsert.Load batch,
            Step full,
            Step floor,
            Step incremental,
            Step noop,
            Optional<Step> fixed,
            ImmutableList<FloorSql.Statement> floorStatements,
            ImmutableList<TableComparison> comparison,
            ImmutableList<String> noopModels)
    {
        public Result
        {
            requireNonNull(fixed, "fixed is null");
        }

        public double fullToFloor()
        {
            return full.seconds() / floor.seconds();
        }

        public double incrementalToFull()
        {
            return incremental.seconds() / full.seconds();
        }

        public double leadsPerSecond()
        {
            return leads / full.seconds();
        }

        public boolean floorAgrees()
        {
            return comparison.stream().allMatch(TableComparison::same);
        }
    }

    private PipelineBenchmark() {}

    /**
     * Runs one size on the engine at {@code jdbcUrl}. The project copy goes to
     * {@code work}/project-{@code suffix}, with schemas {@code bronze_<suffix>} etc.
     */
    public static Result run(String jdbcUrl, Path repository, Path work, String suffix, int leads, int fixedBatch, long seed, boolean compare, Consumer<String> progress)
    {
        Stopwatch generating = Stopwatch.createStarted();
        Leads data = leads(seed, leads, fixedBatch);
        Duration generate = generating.elapsed();
        progress.accept("generated %,d leads (+%,d new, %,d changed in the 1%% batch; +%,d new, %,d changed in the fixed batch) in %.1f s".formatted(data.base().size(),
                data.batchNew().size(), data.batchChanged().size(), data.fixedNew().size(), data.fixedChanged().size(), seconds(generate)));

        Path project = copyProject(repository, work.resolve("project-" + suffix), suffix);
        try (Vault vault = Vault.configure().projectDirectory(project).jdbcUrl(jdbcUrl).load()) {
            SqlExecutor executor = new SqlExecutor(vault.session());
            Project model = vault.project();
            BronzeLoader bronze = new BronzeLoader(model, executor);
            bronze.create();
            BulkInsert.Load base = bronze.append(data.base(), LeadCsvWriter::fields);
            progress.accept("bronze: %,d rows in %d statements, %.1f s (not measured)".formatted(base.rows(), base.statements(), seconds(base.duration())));

            List<String> vaultSchemas = List.of(model.config().schema(Layer.SILVER), model.config().schema(Layer.GOLD));
            QueryHistory history = new QueryHistory(executor);

            Step full = step("full", vaultSchemas, executor, history, vault::run, progress);
            FloorSql floorSql = new FloorSql(model, "floor_" + suffix);
            floorSql.reset(executor);
            List<FloorSql.Statement> floorStatements = new ArrayList<>();
            Step floor = step("floor", List.of(floorSql.schema()), executor, history, () -> {
                Stopwatch stopwatch = Stopwatch.createStarted();
                floorStatements.addAll(floorSql.build(executor));
                return new RunResult(ImmutableList.of(), stopwatch.elapsed());
            }, progress);
            ImmutableList<TableComparison> comparison = compare ? compare(executor, model, floorSql) : counts(executor, model, floorSql);
            comparison.forEach(table -> progress.accept("  %-24s vault %,10d rows, floor %,10d rows%s".formatted(table.table(), table.vaultRows(), table.floorRows(),
                    compare ? ", only in vault %d, only in floor %d".formatted(table.onlyInVault(), table.onlyInFloor()) : "")));

            BulkInsert.Load batch = appendBatch(bronze, data.batchNew(), data.batchChanged(), BATCH_LOADED_AT);
            progress.accept("batch: %,d rows appended to bronze in %.1f s (not measured)".formatted(batch.rows(), seconds(batch.duration())));
            Step incremental = step("incremental", vaultSchemas, executor, history, vault::run, progress);

            List<String> noopModels = new ArrayList<>();
            Step noop = step("no-op", vaultSchemas, executor, history, () -> {
                RunResult run = vault.run();
                run.models().stream().filter(result -> result.status() == ModelResult.Status.SUCCESS && result.kind() != ModelKind.STAGE)
                        .forEach(result -> noopModels.add(result.model() + ": " + result.detail()));
                return run;
            }, progress);

            // the same number of leads at every size: what a batch costs on top of a larger history
            Optional<Step> fixed = Optional.empty();
            if (!data.fixedNew().isEmpty() || !data.fixedChanged().isEmpty()) {
                BulkInsert.Load rows = appendBatch(bronze, data.fixedNew(), data.fixedChanged(), FIXED_BATCH_LOADED_AT);
                progress.accept("fixed batch: %,d rows appended to bronze in %.1f s (not measured)".formatted(rows.rows(), seconds(rows.duration())));
                fixed = Optional.of(step("batch", vaultSchemas, executor, history, vault::run, progress));
            }
            return new Result(data.base().size(), data.batchNew().size(), data.batchChanged().size(), data.fixedNew().size(), data.fixedChanged().size(),
                    generate, base, batch, full, floor, incremental, noop, fixed, ImmutableList.copyOf(floorStatements), comparison, ImmutableList.copyOf(noopModels));
        }
    }

    /** The generated leads: the full load, the 1% batch's new and changed leads, and the fixed-size batch's. */
    record Leads(
            ImmutableList<GeneratedLead> base,
            ImmutableList<GeneratedLead> batchNew,
            ImmutableList<GeneratedLead> batchChanged,
            ImmutableList<GeneratedLead> fixedNew,
            ImmutableList<GeneratedLead> fixedChanged) {}

    /**
     * {@code count} leads by lead time for the full load, then the next 0.5% of {@code count} as new
     * leads of the batch, and every 200th lead of the full load as a changed one; then half of
     * {@code fixedBatch} as the fixed batch's new leads (the next ones by lead time) and the other
     * half spread evenly over the full load, starting a third of the way into the first stride, as
     * its changed ones.
     */
    static Leads leads(long seed, int count, int fixedBatch)
    {
        checkArgument(fixedBatch >= 0 && fixedBatch <= count, "the fixed batch should be between 0 and %s leads, not %s", count, fixedBatch);
        int batchNew = Math.max(1, (int) Math.round(count * INCREMENTAL_FRACTION / 2));
        int fixedNew = fixedBatch / 2;
        int fixedChanged = fixedBatch - fixedNew;
        // about 2.6 leads per person; a few more persons than needed, the latest leads are left out
        double perPerson = new GroundTruthGenerator(seed).generate(1_000).leads().size() / 1_000.0;
        int needed = count + batchNew + fixedNew;
        int persons = (int) Math.ceil(needed / perPerson * 1.02) + 10;
        GroundTruth truth = new GroundTruthGenerator(seed).generate(persons);
        for (int attempt = 0; truth.leads().size() < needed; attempt++) {
            // leads per person vary with the size (test submissions, families): ask for more persons
            checkState(attempt < 5, "generated %s leads, fewer than %s", truth.leads().size(), needed);
            persons = (int) Math.ceil(persons * (double) needed / truth.leads().size() * 1.02) + 10;
            truth = new GroundTruthGenerator(seed).generate(persons);
        }
        List<GeneratedLead> ordered = truth.leads().stream()
                .sorted(Comparator.comparing(GeneratedLead::leadTime).thenComparing(GeneratedLead::recordId))
                .toList();
        ImmutableList<GeneratedLead> base = ImmutableList.copyOf(ordered.subList(0, count));
        ImmutableList<GeneratedLead> fresh = ImmutableList.copyOf(ordered.subList(count, count + batchNew));
        ImmutableList<GeneratedLead> fixedFresh = ImmutableList.copyOf(ordered.subList(count + batchNew, count + batchNew + fixedNew));
        int every = (int) Math.round(1 / (INCREMENTAL_FRACTION / 2));
        ImmutableList.Builder<GeneratedLead> changed = ImmutableList.builder();
        for (int i = every / 2; i < base.size(); i += every) {
            changed.add(base.get(i));
        }
        ImmutableList.Builder<GeneratedLead> fixedChanges = ImmutableList.builder();
        if (fixedChanged > 0) {
            double stride = (double) base.size() / fixedChanged;
            for (int i = 0; i < fixedChanged; i++) {
                fixedChanges.add(base.get((int) (stride / 3 + i * stride)));
            }
        }
        return new Leads(base, fresh, changed.build(), fixedFresh, fixedChanges.build());
    }

    /** Appends a batch to bronze: its new leads, then its changed ones, all landing at {@code landing}. */
    private static BulkInsert.Load appendBatch(BronzeLoader bronze, List<GeneratedLead> fresh, List<GeneratedLead> changed, Instant landing)
    {
        Set<GeneratedLead> isChanged = ImmutableSet.copyOf(changed);
        return bronze.append(ImmutableList.<GeneratedLead>builder().addAll(fresh).addAll(changed).build(),
                lead -> batchFields(lead, isChanged.contains(lead), landing));
    }

    /**
     * A batch row landing at {@code landing}; a changed lead has a new phone (and, in the CRM, a new
     * updated_at), drawn from the record and the landing time, so that each batch changes it again.
     */
    static String[] batchFields(GeneratedLead lead, boolean changed, Instant landing)
    {
        String[] fields = LeadCsvWriter.fields(lead);
        String loadedAt = LeadCsvWriter.timestamp(landing);
        fields[fields.length - 1] = loadedAt;
        if (changed) {
            int phone = lead.source() == Source.ACTIVECAMPAIGN ? 4 : 3;
            long digits = Math.floorMod(Hashing.murmur3_128().hashString(lead.recordId() + "|" + loadedAt, StandardCharsets.UTF_8).asLong(), 100_000_000L);
            fields[phone] = "(21) 9%04d-%04d".formatted(digits / 10_000, digits % 10_000);
            if (lead.source() == Source.ACTIVECAMPAIGN) {
                fields[7] = loadedAt;
            }
        }
        return fields;
    }

    interface Action
    {
        RunResult run();
    }

    private static Step step(String name, List<String> schemas, SqlExecutor executor, QueryHistory history, Action action, Consumer<String> progress)
    {
        Instant since = Instant.now();
        long gcBefore = gcMillis();
        RunResult run;
        Duration duration;
        HeapSampler heap = HeapSampler.start();
        try (heap) {
            Stopwatch stopwatch = Stopwatch.createStarted();
            run = action.run();
            duration = stopwatch.elapsed();
        }
        // read once the sampler stopped: its last sample and every collection of the step are in
        long peak = heap.peakUsedBytes();
        OptionalLong live = heap.peakLiveBytes();
        int majorCollections = heap.majorCollections();
        Duration gc = Duration.ofMillis(gcMillis() - gcBefore);
        checkState(run.failures().isEmpty(), "%s failed: %s", name, run.failures().stream()
                .map(failure -> failure.model() + ": " + failure.error().orElse(failure.detail())).toList());
        long[] written = IcebergActivity.since(executor, schemas, since);
        Map<String, Double> models = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        run.models().forEach(model -> {
            models.put(model.model(), seconds(model.duration()));
            details.put(model.model(), model.detail());
        });
        ImmutableList<QueryHistory.Query> statements = history.since(since, 12);
        Step step = new Step(name, duration, run.rowsWritten(), written[0], written[1], peak, live, majorCollections, gc, ImmutableMap.copyOf(models), ImmutableMap.copyOf(details), statements,
                run.execution());
        progress.accept("%-12s %8.1f s  %,d rows, %d snapshots, %d data files, peak heap %,d MB (%s), %d statements, %.1f s in the engine, %.1f s outside".formatted(name, step.seconds(), step.rowsWritten(),
                step.snapshots(), step.dataFiles(), peak >> 20, majorCollections == 0 ? "no major GC" : "%d major GCs, %,d MB live after them".formatted(majorCollections, live.orElseThrow() >> 20), run.execution().statements(), seconds(run.execution().engine()), seconds(run.execution().outsideEngine(duration))));
        run.models().stream().filter(model -> model.kind() != ModelKind.STAGE)
                .forEach(model -> progress.accept("    %-24s %6.1f s  %s".formatted(model.model(), seconds(model.duration()), model.detail())));
        return step;
    }

    private static long gcMillis()
    {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    private static ImmutableList<TableComparison> counts(SqlExecutor executor, Project project, FloorSql floor)
    {
        ImmutableList.Builder<TableComparison> tables = ImmutableList.builder();
        for (String table : FloorSql.TABLES) {
            String vault = SqlText.table(vaultTable(project, table));
            tables.add(new TableComparison(table, count(executor, "SELECT count(*) FROM " + vault), count(executor, "SELECT count(*) FROM " + floor.table(table)), 0, 0));
        }
        return tables.build();
    }

    /** Row counts, and the rows of one side the other lacks, over the columns both tables have. */
    static ImmutableList<TableComparison> compare(SqlExecutor executor, Project project, FloorSql floor)
    {
        ImmutableList.Builder<TableComparison> tables = ImmutableList.builder();
        for (String table : FloorSql.TABLES) {
            String vault = SqlText.table(vaultTable(project, table));
            String columns = String.join(", ", columns(table));
            tables.add(new TableComparison(table,
                    count(executor, "SELECT count(*) FROM " + vault),
                    count(executor, "SELECT count(*) FROM " + floor.table(table)),
                    count(executor, "SELECT count(*) FROM (SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s)".formatted(columns, vault, columns, floor.table(table))),
                    count(executor, "SELECT count(*) FROM (SELECT %s FROM %s EXCEPT ALL SELECT %s FROM %s)".formatted(columns, floor.table(table), columns, vault))));
        }
        return tables.build();
    }

    /** The columns compared: all of vault's, except the junk keys' load time (the floor's is the same, but is not what the test is about). */
    private static List<String> columns(String table)
    {
        return switch (table) {
            case "hub_pessoa" -> List.of("hk_pessoa", "founding_record", "load_datetime", "record_source");
            case "hub_pessoa_records" -> List.of("identity_record", "hk_pessoa", "load_datetime", "record_source");
            case "hub_pessoa_junk_keys" -> List.of("key_name", "key_value", "sample", "records", "load_datetime");
            case "hub_produtor" -> List.of("hk_produtor", "producer_id", "load_datetime", "record_source");
            case "link_pessoa_produtor" -> List.of("hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source");
            case "sat_pessoa_detalhes" -> List.of("hk_pessoa", "identity_record", "load_datetime", "record_source", "hd_pessoa_detalhes", "nome", "email_normalizado", "telefone");
            case "control_snapshots" -> List.of("snapshot_datetime", "snapshot_date", "is_weekly", "is_monthly", "is_yearly");
            case "bridge_pessoa_produtor" -> List.of("snapshot_datetime", "hk_pessoa_produtor", "hk_pessoa", "hk_produtor");
            case "mart_leads_unificados" -> List.of("hk_pessoa", "hk_produtor", "id_produtor", "nome", "email", "telefone", "primeiro_lead_em", "ultimo_lead_em", "registros_origem", "origens");
            default -> throw new IllegalArgumentException("not a floor table: " + table);
        };
    }

    static TableName vaultTable(Project project, String table)
    {
        Layer layer = table.startsWith("mart_") ? Layer.GOLD : Layer.SILVER;
        return new TableName(project.config().catalog(), project.config().schema(layer), table);
    }

    static long count(SqlExecutor executor, String sql)
    {
        try {
            return Long.parseLong(executor.queryValue(sql).orElseThrow());
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot count: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** Copies vault.yml and models/ of {@code repository} into {@code target}, with the schemas renamed {@code <schema>_<suffix>}. */
    static Path copyProject(Path repository, Path target, String suffix)
    {
        try {
            deleteTree(target);
            try (Stream<Path> files = Files.walk(repository.resolve("models"))) {
                for (Path file : files.toList()) {
                    Path destination = target.resolve("models").resolve(repository.resolve("models").relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    }
                    else {
                        Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            String config = Files.readString(repository.resolve("vault.yml"), StandardCharsets.UTF_8);
            String renamed = config
                    .replace("  bronze: bronze\n", "  bronze: bronze_" + suffix + "\n")
                    .replace("  staging: silver\n", "  staging: silver_" + suffix + "\n")
                    .replace("  silver: silver\n", "  silver: silver_" + suffix + "\n")
                    .replace("  gold: gold\n", "  gold: gold_" + suffix + "\n")
                    .replaceFirst("(?m)^seed-paths: .*$", "seed-paths: []");
            checkState(renamed.contains("gold: gold_" + suffix) && renamed.contains("bronze: bronze_" + suffix), "%s no longer has the schemas block this benchmark rewrites",
                    repository.resolve("vault.yml"));
            Files.writeString(target.resolve("vault.yml"), renamed, StandardCharsets.UTF_8);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
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
