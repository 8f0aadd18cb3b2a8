package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.core.seed.Seed;
import dev.vault.core.seed.SeedReader;
import dev.vault.runner.docs.DocsResult;
import dev.vault.runner.docs.DocsSite;
import dev.vault.runner.engine.LocalEngine;
import dev.vault.runner.engine.LocalEngineFactory;
import dev.vault.runner.engine.WarehouseLock;
import dev.vault.runner.jdbc.EngineSession;
import dev.vault.runner.jdbc.Redaction;
import dev.vault.runner.jdbc.RetryPolicy;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.DataTest;
import dev.vault.sql.IdentitySql;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.PlanScript;
import dev.vault.sql.Statement;
import dev.vault.sql.TrinoCompiler;
import dev.vault.sql.TrinoQueries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A loaded vault project, ready to compile, seed, run and test against its engine. Create one
 * with {@link #configure()}. The engine (embedded or a cluster) is connected on first use and
 * released by {@link #close()}; one Vault serves several commands in a row on one engine.
 */
public final class Vault
        implements AutoCloseable
{
    /** The list of files {@link #compile(Path)} wrote, kept in the folder it wrote them to. */
    public static final String COMPILE_MANIFEST = ".vault-compiled";

    private final Project project;
    private final VaultConfiguration.ResolvedTarget target;
    private final ImmutableList<Path> seedPaths;
    private final Optional<Path> engineLog;
    private final VaultListener listener;
    private final TrinoCompiler compiler;
    private final RetryPolicy retries;
    private final Duration lockTimeout;
    private final Duration lockLease;
    private EngineSession session;
    /** Whether the run going on lost its run lock (see {@link RunLock#lost()}). */
    private volatile java.util.function.BooleanSupplier lockLost = () -> false;

    Vault(Project project, VaultConfiguration.ResolvedTarget target, ImmutableList<Path> seedPaths, Optional<Path> engineLog, VaultListener listener, RetryPolicy retries, Duration lockTimeout, Duration lockLease)
    {
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
        this.lockLease = requireNonNull(lockLease, "lockLease is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.project = requireNonNull(project, "project is null");
        this.target = requireNonNull(target, "target is null");
        this.seedPaths = requireNonNull(seedPaths, "seedPaths is null");
        this.engineLog = requireNonNull(engineLog, "engineLog is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.compiler = new TrinoCompiler(project);
    }

    public static VaultConfiguration configure()
    {
        return new VaultConfiguration();
    }

    public Project project()
    {
        return project;
    }

    /** The compiled SQL of every model; no engine needed. */
    public Plan plan()
    {
        return compiler.compile();
    }

    /**
     * Writes every model's SQL to {@code <folder>/<layer>/<model>.sql}. The files an earlier
     * compile wrote there (listed in {@value #COMPILE_MANIFEST}) are removed first; nothing else
     * in the folder is touched. Returns the files written.
     */
    public ImmutableList<Path> compile(Path folder)
    {
        Plan plan = compiler.compile();
        ImmutableList.Builder<Path> written = ImmutableList.builder();
        Path manifest = folder.resolve(COMPILE_MANIFEST);
        try {
            if (Files.isRegularFile(manifest)) {
                for (String file : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    Path old = folder.resolve(file).normalize();
                    if (!file.isBlank() && old.startsWith(folder.normalize()) && old.toString().endsWith(".sql")) {
                        Files.deleteIfExists(old);
                    }
                }
            }
            for (ModelPlan model : plan.models().values()) {
                if (model.steps().isEmpty()) {
                    continue;
                }
                Path file = folder.resolve(model.model().kind().layer().name().toLowerCase(Locale.ROOT)).resolve(model.model().name() + ".sql");
                Files.createDirectories(file.getParent());
                Files.writeString(file, PlanScript.of(model), StandardCharsets.UTF_8);
                written.add(file);
            }
            ImmutableList<Path> files = written.build();
            Files.write(manifest, files.stream().map(file -> folder.relativize(file).toString()).toList(), StandardCharsets.UTF_8);
            return files;
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write compiled SQL to " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the project's documentation site into {@code folder}: an index (models by layer, the
     * DAG as a picture, the last run from {@value Artifacts#RUN_RESULTS} in the target path, if
     * any) and a page per model. Compiles only; no engine needed.
     */
    public DocsResult docs(Path folder)
    {
        return new DocsSite(project, Artifacts.readRunResults(project.config().targetPath())).write(folder);
    }

    /**
     * Replaces each seeded source table with the rows of its CSV files. A table whose content
     * already matches its files is left alone (no new snapshot). Every file is read and checked
     * before any SQL runs.
     */
    public RunResult seed()
    {
        Stopwatch total = Stopwatch.createStarted();
        ImmutableList<Seed> seeds = SeedReader.read(project, seedPaths);
        // every statement compiled before any runs
        List<Statement> statements = seeds.stream().map(compiler::seed).toList();
        SqlExecutor executor = executor();
        execute(executor, compiler.bronzeSchema());
        ImmutableList.Builder<ModelResult> results = ImmutableList.builder();
        int index = 0;
        for (Seed seed : seeds) {
            index++;
            listener.modelStarted(seed.source().name(), index, seeds.size());
            Stopwatch stopwatch = Stopwatch.createStarted();
            Statement statement = statements.get(index - 1);
            ModelResult result;
            try {
                Optional<String> current = executor.queryValue(TrinoQueries.tableComment(statement.target())).flatMap(TrinoCompiler::fingerprint);
                if (current.isPresent() && current.equals(TrinoCompiler.fingerprint(statement))) {
                    result = new ModelResult(seed.source().name(), ModelKind.SOURCE, ModelResult.Status.UP_TO_DATE, OptionalLong.empty(), stopwatch.elapsed(),
                            "up to date (%s rows)".formatted(seed.rows().size()), Optional.empty());
                }
                else {
                    long rows = executor.update(statement.sql());
                    result = new ModelResult(seed.source().name(), ModelKind.SOURCE, ModelResult.Status.SUCCESS, OptionalLong.of(rows), stopwatch.elapsed(),
                            "seeded %s rows from %s file%s".formatted(rows, seed.files().size(), seed.files().size() == 1 ? "" : "s"), Optional.empty(),
                            PlanExecutor.snapshot(executor, TrinoQueries.latestSnapshot(statement.target())));
                }
            }
            catch (SQLException e) {
                result = failed(seed.source(), stopwatch, e);
            }
            results.add(result);
            listener.modelFinished(result, index, seeds.size());
        }
        return new RunResult(results.build(), total.elapsed());
    }

    /**
     * Runs every model in dependency order: views are replaced, tables created if missing and
     * loaded insert-only, table marts rebuilt when an input changed. A failed model leaves its
     * tables as they were and its descendants are skipped; the other models still run.
     */
    public RunResult run()
    {
        return run(project.models().keySet());
    }

    /**
     * Runs the given models (see {@link dev.vault.core.model.ModelSelector}) in dependency order;
     * models outside the selection are taken as they are.
     */
    public RunResult run(Collection<String> selection)
    {
        return run(selection, 1);
    }

    /**
     * Runs the selected models with up to {@code threads} at once: a model starts when the
     * selected models it reads are done. Each model writes only its own tables, so no table
     * ever has two writers in one run.
     */
    public RunResult run(Collection<String> selection, int threads)
    {
        checkArgument(threads >= 1, "threads must be at least 1");
        Set<String> selected = new HashSet<>(selection);
        Stopwatch total = Stopwatch.createStarted();
        Plan plan = compiler.compile();
        SqlExecutor executor = executor();
        for (Statement schema : plan.schemas()) {
            execute(executor, schema);
        }
        try (java.sql.Connection renewals = openConnection();
                RunLock lock = RunLock.acquire(executor, new SqlExecutor(renewals, session().redaction(), RetryPolicy.none(), ignored -> {}), session().source(),
                        project, lockTimeout, lockLease, Duration.ofSeconds(1), message -> listener.modelProgress("lock", message))) {
            lockLost = lock::lost;
            return runLocked(plan, executor, selected, threads, total);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot close the run lock's connection: " + e.getMessage(), e);
        }
        finally {
            lockLost = () -> false;
        }
    }

    private RunResult runLocked(Plan plan, SqlExecutor executor, Set<String> selected, int threads, Stopwatch total)
    {
        Set<String> existingSources = existingSourceTables(executor, plan);
        // the sources the selected models read: only their absence is a failure of this run
        Set<String> needed = new HashSet<>(selected);
        selected.forEach(model -> needed.addAll(project.graph().ancestors(model)));
        List<ModelPlan> models = plan.models().values().stream()
                .filter(model -> !(model.model() instanceof Source))
                .filter(model -> selected.contains(model.model().name()))
                .toList();
        // models that failed or were skipped, and missing sources: what reads them is skipped
        Set<String> failed = ConcurrentHashMap.newKeySet();
        ImmutableList.Builder<ModelResult> results = ImmutableList.builder();
        for (ModelPlan model : plan.models().values()) {
            if (model.model() instanceof Source source && needed.contains(source.name())
                    && !existingSources.contains(model.target().schema() + "." + model.target().table())) {
                failed.add(source.name());
                ModelResult result = new ModelResult(source.name(), ModelKind.SOURCE, ModelResult.Status.FAILED, OptionalLong.empty(), Duration.ZERO, "missing",
                        Optional.of("source table %s does not exist (source '%s' at %s): land the data there, or run 'vault seed' to load the example CSV files"
                                .formatted(model.target(), source.name(), source.location())));
                results.add(result);
                listener.modelFinished(result, 0, models.size());
            }
        }
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        if (threads == 1) {
            // one at a time, in build order: the order a person reads in the log is the DAG's
            for (ModelPlan model : models) {
                results.add(runOne(model, executor, failed, started, finished, models.size()));
            }
            return new RunResult(results.build(), total.elapsed());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // one connection per worker thread
        ThreadLocal<SqlExecutor> executors = ThreadLocal.withInitial(this::workerExecutor);
        Map<String, CompletableFuture<ModelResult>> futures = new LinkedHashMap<>();
        try {
            for (ModelPlan model : models) {
                CompletableFuture<?>[] parents = project.graph().parents(model.model().name()).stream()
                        .filter(futures::containsKey)
                        .map(futures::get)
                        .toArray(CompletableFuture[]::new);
                futures.put(model.model().name(), CompletableFuture.allOf(parents)
                        .thenApplyAsync(ignored -> runOne(model, executors.get(), failed, started, finished, models.size()), pool));
            }
            for (CompletableFuture<ModelResult> future : futures.values()) {
                results.add(future.join());
            }
        }
        catch (CompletionException e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new VaultException(ErrorCode.INTERNAL, "a model's run failed unexpectedly: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        return new RunResult(results.build(), total.elapsed());
    }

    /** Runs one model, or skips it when a model it reads failed or was skipped. */
    private ModelResult runOne(ModelPlan model, SqlExecutor executor, Set<String> failed, AtomicInteger started,
            AtomicInteger finished, int total)
    {
        Model definition = model.model();
        listener.modelStarted(definition.name(), started.incrementAndGet(), total);
        ModelResult result;
        Optional<String> brokenParent = project.graph().parents(definition.name()).stream().filter(failed::contains).sorted().findFirst();
        if (lockLost.getAsBoolean()) {
            result = new ModelResult(definition.name(), definition.kind(), ModelResult.Status.FAILED, OptionalLong.empty(), Duration.ZERO, "failed",
                    Optional.of("this run lost its run lock (it could not renew the lease, and another run took the lock over); nothing more is loaded"));
        }
        else if (brokenParent.isPresent()) {
            result = new ModelResult(definition.name(), definition.kind(), ModelResult.Status.SKIPPED, OptionalLong.empty(), Duration.ZERO, "skipped",
                    Optional.of("skipped because '%s' failed or was skipped".formatted(brokenParent.get())));
        }
        else {
            result = runModel(executor, model);
        }
        if (result.failed()) {
            failed.add(definition.name());
        }
        listener.modelFinished(result, finished.incrementAndGet(), total);
        return result;
    }

    private java.sql.Connection openConnection()
    {
        try {
            return session().openConnection();
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot open another connection to Trino: " + e.getMessage(), e);
        }
    }

    private SqlExecutor workerExecutor()
    {
        try {
            return new SqlExecutor(session().openConnection(), session().redaction(), retries, message -> listener.modelProgress("retry", message));
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot open another connection to Trino: " + e.getMessage(), e);
        }
    }

    private ModelResult runModel(SqlExecutor executor, ModelPlan model)
    {
        return new PlanExecutor(executor, listener).run(model);
    }

    /**
     * Accounts for every bronze row in every hub, link and satellite: loaded, or set aside with a
     * reason. A row that is neither shows as {@link Reconciliation#unaccounted()}.
     */
    public com.google.common.collect.ImmutableList<Reconciliation> reconcile()
    {
        SqlExecutor executor = executor();
        com.google.common.collect.ImmutableList.Builder<Reconciliation> results = com.google.common.collect.ImmutableList.builder();
        for (dev.vault.sql.ReconciliationQuery query : compiler.reconciliations()) {
            try {
                List<Object> row = executor.query(query.sql()).rows().getFirst();
                results.add(new Reconciliation(query.model(), query.stage(), ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue()));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot reconcile %s with stage %s (run the project first): %s".formatted(query.model(), query.stage(), e.getMessage()), e);
            }
        }
        return results.build();
    }

    /** Failing rows a data test result shows at most. */
    public static final int TEST_SAMPLE_ROWS = 5;

    /** Runs the data tests: the built-in Data Vault integrity checks and the tests written in the models' YAML. */
    public TestResult test()
    {
        return test(project.models().keySet());
    }

    /** Runs the data tests of the given models. */
    public TestResult test(Collection<String> selection)
    {
        Set<String> selected = new HashSet<>(selection);
        Stopwatch total = Stopwatch.createStarted();
        ImmutableList<DataTest> tests = compiler.dataTests().stream()
                .filter(test -> selected.contains(test.model()))
                .collect(ImmutableList.toImmutableList());
        SqlExecutor executor = executor();
        ImmutableList.Builder<DataTestResult> results = ImmutableList.builder();
        int index = 0;
        for (DataTest test : tests) {
            index++;
            Stopwatch stopwatch = Stopwatch.createStarted();
            DataTestResult result;
            try {
                long failing = Long.parseLong(executor.queryValue(TrinoQueries.testFailures(test)).orElse("0"));
                ImmutableList<Map<String, Object>> sample = failing == 0 ? ImmutableList.of() : sampleRows(executor.query(TrinoQueries.testSample(test, TEST_SAMPLE_ROWS)));
                result = new DataTestResult(test.name(), test.model(), test.description(), test.severity(), Optional.of(failing), sample, test.sql(), stopwatch.elapsed(), Optional.empty());
            }
            catch (SQLException e) {
                result = new DataTestResult(test.name(), test.model(), test.description(), test.severity(), Optional.empty(), ImmutableList.of(), test.sql(), stopwatch.elapsed(), Optional.of(e.getMessage()));
            }
            results.add(result);
            listener.testFinished(result, index, tests.size());
        }
        return new TestResult(results.build(), total.elapsed());
    }

    /** Rows as column name to value maps, in column order; values may be null, so not Guava maps. */
    private static ImmutableList<Map<String, Object>> sampleRows(QueryResult rows)
    {
        ImmutableList.Builder<Map<String, Object>> sample = ImmutableList.builder();
        for (List<Object> row : rows.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < rows.columns().size(); i++) {
                values.putIfAbsent(rows.columns().get(i), row.get(i));
            }
            sample.add(java.util.Collections.unmodifiableMap(values));
        }
        return sample.build();
    }

    /** Maintains the tables of every model: see {@link #maintain(Collection)}. */
    public MaintenanceRun maintain()
    {
        return maintain(project.models().keySet());
    }

    /**
     * Runs the maintenance policy (vault.yml's {@code maintenance:}, overridden per model) of the
     * Iceberg tables of the selected models: compaction, manifest rewrite, snapshot expiry,
     * orphan file removal, statistics. Takes the run lock, so it never races a load.
     */
    public MaintenanceRun maintain(Collection<String> selection)
    {
        SqlExecutor executor = executor();
        // the lock table lives in the silver schema, which a project never run has not made yet
        for (Statement schema : compiler.compile().schemas()) {
            execute(executor, schema);
        }
        try (java.sql.Connection renewals = openConnection();
                RunLock ignored = RunLock.acquire(executor, new SqlExecutor(renewals, session().redaction(), RetryPolicy.none(), unused -> {}), session().source(),
                        project, lockTimeout, lockLease, Duration.ofSeconds(1), message -> listener.modelProgress("lock", message))) {
            return new TableUpkeep(project, executor, listener).maintain(selection);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot open a connection for the run lock: " + e.getMessage(), e);
        }
    }

    /** The Iceberg tables of the selected models: rows, files, size, snapshots, last load. Read-only; takes no lock. */
    public ImmutableList<TableStatus> status(Collection<String> selection)
    {
        return new TableUpkeep(project, executor(), listener).status(selection);
    }

    /** Runs any SQL on the engine and returns its rows. */
    /**
     * The age of each selected source's newest data, for the sources with a {@code freshness:}
     * block (dbt's {@code source freshness}). Reads metadata only; no run lock.
     */
    public FreshnessResult freshness(Collection<String> selection)
    {
        return new FreshnessCheck(project, executor(), java.time.Clock.systemUTC()).check(selection);
    }

    public QueryResult query(String sql)
    {
        try {
            return executor().query(sql);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "the query failed: " + e.getMessage(), e);
        }
    }

    /** The number of Iceberg snapshots of a model's table; 0 when it has none. */
    public long snapshotCount(String model)
    {
        try {
            return executor().queryValue(TrinoQueries.snapshotCount(project.tableName(project.model(model)))).map(Long::parseLong).orElse(0L);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the snapshots of " + model + ": " + e.getMessage(), e);
        }
    }

    /** Connects (starting the embedded engine if that is the target) and returns the JDBC URL clients can use. */
    public String jdbcUrl()
    {
        return session().description();
    }

    /** The engine session, connected on first use. */
    public EngineSession session()
    {
        if (session == null) {
            session = connect();
        }
        return session;
    }

    @Override
    public void close()
    {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private EngineSession connect()
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        EngineSession connected = switch (target) {
            case VaultConfiguration.ResolvedTarget.Embedded embedded -> connectEmbedded(embedded);
            case VaultConfiguration.ResolvedTarget.Trino trino -> {
                VaultConfiguration.ConnectionProperties properties = trino.connectionProperties();
                String description = Redaction.jdbcUrl(trino.jdbcUrl());
                listener.engineStarting("Connecting to Trino at " + description);
                yield EngineSession.connect(trino.jdbcUrl(), properties.properties(), properties.secrets(), Optional.empty(), description);
            }
        };
        listener.engineReady(connected.description(), stopwatch.elapsed());
        return connected;
    }

    /**
     * Starts the embedded engine on the target's warehouse, or, when a {@code vault serve} is
     * already running on it, connects to that one: one engine per warehouse, always.
     */
    private EngineSession connectEmbedded(VaultConfiguration.ResolvedTarget.Embedded embedded)
    {
        Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(embedded.warehouse());
        if (lock.isEmpty()) {
            Optional<String> served = WarehouseLock.servedAt(embedded.warehouse());
            if (served.isPresent() && embedded.port().isEmpty()) {
                listener.engineStarting("Using the embedded Trino of 'vault serve' at " + served.get());
                return EngineSession.connect(served.get(), VaultConfiguration.DEFAULT_USER, Optional.empty(), Optional.empty(), served.get());
            }
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, ("another vault process is using the warehouse %s: wait for it to finish, " +
                    "or keep one engine up with 'vault serve' and other commands will use it").formatted(embedded.warehouse()));
        }
        listener.engineStarting("Starting the embedded Trino on " + embedded.warehouse());
        try {
            LocalEngine engine = LocalEngineFactory.load().start(embedded.warehouse(), project.config().catalog(), embedded.port(), engineLog);
            String url = engine.jdbcUrl() + "/" + project.config().catalog();
            if (embedded.port().isPresent()) {
                lock.get().announce(url);
            }
            LocalEngine locked = new LockedEngine(engine, lock.get());
            EngineSession session = EngineSession.connect(url, VaultConfiguration.DEFAULT_USER, Optional.empty(), Optional.of(locked), url);
            installFunctions(session, engine);
            return session;
        }
        catch (RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    /**
     * Puts the identity functions (generate_person_hash, normalize_email, ...) where the engine
     * keeps SQL routines, so they work in plain SQL: {@code SELECT generate_person_hash(...)}.
     */
    private void installFunctions(EngineSession session, LocalEngine engine)
    {
        Optional<TableName> schema = engine.functionSchema();
        if (schema.isEmpty()) {
            return;
        }
        SqlExecutor executor = new SqlExecutor(session);
        for (String function : new IdentitySql(project.config().identity()).functions(schema.get().catalog(), schema.get().schema())) {
            try {
                executor.update(function);
            }
            catch (SQLException e) {
                session.close();
                throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot create the identity functions on the embedded engine: " + e.getMessage(), e);
            }
        }
    }

    /** Releases the warehouse when the engine stops. */
    private record LockedEngine(LocalEngine engine, WarehouseLock lock)
            implements LocalEngine
    {
        @Override
        public String jdbcUrl()
        {
            return engine.jdbcUrl();
        }

        @Override
        public void close()
        {
            try {
                engine.close();
            }
            finally {
                lock.close();
            }
        }
    }

    private SqlExecutor executor()
    {
        return new SqlExecutor(session(), retries, message -> listener.modelProgress("retry", message));
    }

    private Set<String> existingSourceTables(SqlExecutor executor, Plan plan)
    {
        Set<String> existing = new HashSet<>();
        for (Map.Entry<String, String> schema : plan.sourceTables().entrySet()) {
            try {
                executor.query(schema.getValue()).rows().forEach(row -> existing.add(schema.getKey() + "." + row.getFirst()));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot list the tables of schema %s.%s: %s".formatted(project.config().catalog(), schema.getKey(), e.getMessage()), e);
            }
        }
        return existing;
    }

    private static void execute(SqlExecutor executor, Statement statement)
    {
        try {
            executor.update(statement.sql());
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot create schema %s.%s: %s".formatted(statement.target().catalog(), statement.target().schema(), e.getMessage()), e);
        }
    }

    static ModelResult failed(Model model, Stopwatch stopwatch, SQLException e)
    {
        String message = "%s '%s' (%s) failed: %s".formatted(model.kind().displayName(), model.name(), model.location(), e.getMessage());
        return new ModelResult(model.name(), model.kind(), ModelResult.Status.FAILED, OptionalLong.empty(), stopwatch.elapsed(), "failed", Optional.of(message));
    }

    /**
     * Drops the project's run lock, e.g. one a crashed run left behind. Returns who held it.
     * Only for when no run of the project is going on: a live run would lose its protection.
     */
    public Optional<String> unlock()
    {
        return RunLock.breakLock(executor(), project);
    }

    /** Where this vault runs, without credentials and without connecting: for logs and run results. */
    public String targetDescription()
    {
        return switch (target) {
            case VaultConfiguration.ResolvedTarget.Embedded embedded -> "embedded Trino on " + embedded.warehouse();
            case VaultConfiguration.ResolvedTarget.Trino trino -> Redaction.jdbcUrl(trino.jdbcUrl());
        };
    }
}
