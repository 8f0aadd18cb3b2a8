package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.load.UnitTestReader;
import dev.vault.core.model.Project;
import dev.vault.core.model.UnitTest;
import dev.vault.runner.docs.DocsResult;
import dev.vault.runner.docs.DocsSite;
import dev.vault.runner.jdbc.EngineSession;
import dev.vault.runner.jdbc.RetryPolicy;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Plan;
import dev.vault.sql.Statement;
import dev.vault.sql.TrinoCompiler;
import dev.vault.sql.TrinoQueries;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A loaded vault project, ready to compile, seed, run and test against its engine. Create one
 * with {@link #configure()}. The engine (embedded or a cluster) is connected on first use and
 * released by {@link #close()}; one Vault serves several commands in a row on one engine.
 * Each operation lives in a class of its own ({@link RunOperation}, {@link BuildOperation}, ...);
 * this facade leaves the artifacts ({@value Artifacts#RUN_RESULTS}, {@value Artifacts#MANIFEST})
 * of what it did in the project's target path.
 */
public final class Vault
        implements AutoCloseable
{
    /** The list of files {@link #compile(Path)} wrote, kept in the folder it wrote them to. */
    public static final String COMPILE_MANIFEST = ".vault-compiled";

    /** Failing rows a data test result shows at most. */
    public static final int TEST_SAMPLE_ROWS = 5;

    private final Project project;
    private final ImmutableList<Path> seedPaths;
    private final TrinoCompiler compiler;
    private final EngineConnector connector;
    private final VaultContext context;
    private final RunArtifacts artifacts;
    // what a vault deferring to another environment is made of again (deferringTo)
    private final VaultConfiguration.ResolvedTarget target;
    private final Optional<Path> engineLog;
    private final VaultListener listener;
    private final RetryPolicy retries;
    private final Duration lockTimeout;
    private final Duration lockLease;
    private EngineSession session;

    Vault(Project project, VaultConfiguration.ResolvedTarget target, ImmutableList<Path> seedPaths, Optional<Path> engineLog, VaultListener listener, RetryPolicy retries, Duration lockTimeout, Duration lockLease)
    {
        this.project = requireNonNull(project, "project is null");
        this.seedPaths = requireNonNull(seedPaths, "seedPaths is null");
        this.compiler = new TrinoCompiler(project);
        this.connector = new EngineConnector(project, target, engineLog, listener);
        this.context = new VaultContext(project, compiler, this::session, listener, retries, lockTimeout, lockLease);
        this.artifacts = new RunArtifacts(project, connector.description());
        this.target = target;
        this.engineLog = engineLog;
        this.listener = listener;
        this.retries = retries;
        this.lockTimeout = lockTimeout;
        this.lockLease = lockLease;
    }

    /**
     * This vault with the models outside {@code selection} read from the environment a manifest
     * describes (dbt's {@code --defer --state DIR}): a selected model that reads an unselected one
     * reads that environment's table, so a developer builds what they changed in their own schemas
     * and reads the rest from prod. Nothing is written to the deferred tables: only the selection
     * runs. Call it before this vault connects; the vault returned connects on its own.
     */
    public Vault deferringTo(StateComparison state, Collection<String> selection)
    {
        Project deferred = project.withDeferred(state.deferred(project, selection));
        return new Vault(deferred, target, seedPaths, engineLog, listener, retries, lockTimeout, lockLease);
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
     * Writes every model's SQL to {@code <folder>/<layer>/<model>.sql} (see {@link CompileOperation})
     * and the manifest; no engine needed. Returns the files written.
     */
    public ImmutableList<Path> compile(Path folder)
    {
        Plan plan = compiler.compile();
        ImmutableList<Path> files = new CompileOperation(plan).execute(folder);
        artifacts.manifest(plan);
        return files;
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
        Instant started = Instant.now();
        RunResult result = new SeedOperation(context, seedPaths).execute();
        artifacts.results("seed", started, List.of(result), Optional.empty());
        return result;
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
        Instant started = Instant.now();
        Plan plan = compiler.compile();
        artifacts.manifest(plan);
        RunResult result = new RunOperation(context).execute(plan, ImmutableSet.copyOf(selection), threads, "Run");
        artifacts.results("run", started, List.of(result), Optional.empty());
        return result;
    }

    /** What {@link #run()} would do: see {@link #planRun(Collection)}. */
    public PlanResult planRun()
    {
        return planRun(project.models().keySet());
    }

    /**
     * What {@link #run(Collection)} with this selection would do, model by model (create, load,
     * skip, alter or refuse, and why), with each model's compiled SQL diffed against the manifest
     * of the last run in the target path. Writes nothing: no schema, table, lock, snapshot or
     * artifact.
     */
    public PlanResult planRun(Collection<String> selection)
    {
        Plan plan = compiler.compile();
        return new PlanOperation(context).execute(plan, ImmutableSet.copyOf(selection), Artifacts.readManifest(project.config().targetPath()));
    }

    /** Seeds, runs and tests every model: see {@link #build(Collection, int)}. */
    public BuildResult build()
    {
        return build(project.models().keySet(), 1);
    }

    /**
     * Seeds, then runs the selected models if the seed succeeded, then runs their data tests if the
     * run succeeded (like dbt build).
     */
    public BuildResult build(Collection<String> selection, int threads)
    {
        return new BuildOperation(context, seedPaths, artifacts).execute(ImmutableSet.copyOf(selection), threads);
    }

    /**
     * Runs again the models that failed or were skipped in the last run, build or retry, as
     * {@value Artifacts#RUN_RESULTS} in the target path tells; nothing runs when there were none.
     */
    public RetryResult retry(int threads)
    {
        return new RetryOperation(context, artifacts).execute(threads);
    }

    /**
     * Accounts for every bronze row in every hub, link and satellite: loaded, or set aside with a
     * reason. A row that is neither shows as {@link Reconciliation#unaccounted()}.
     */
    public ImmutableList<Reconciliation> reconcile()
    {
        return new ReconcileOperation(context).execute();
    }

    /** Runs the data tests: the built-in Data Vault integrity checks and the tests written in the models' YAML. */
    public TestResult test()
    {
        return test(project.models().keySet());
    }

    /** Runs the data tests of the given models. */
    public TestResult test(Collection<String> selection)
    {
        Instant started = Instant.now();
        TestResult result = new TestOperation(context).execute(ImmutableSet.copyOf(selection));
        artifacts.results("test", started, List.of(), Optional.of(result));
        return result;
    }

    /**
     * Runs the unit tests on fixtures in the project's {@code tests/} folder whose model is in
     * the selection (see {@link UnitTestOperation}): each builds the models between its fixture
     * rows and the model it tests in scratch schemas on this vault's engine, compares the rows
     * and drops the schemas. The target's tables are not touched. A fixture that names an
     * unknown model or column, or a value of the wrong type, fails with
     * {@link ErrorCode#INVALID_PROJECT} before anything runs.
     */
    public UnitTestResult unitTest(Collection<String> selection)
    {
        ImmutableList<UnitTest> tests = UnitTestReader.read(project).stream()
                .filter(test -> selection.contains(test.model()))
                .collect(ImmutableList.toImmutableList());
        return new UnitTestOperation(context).execute(tests);
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
        SqlExecutor executor = context.executor();
        // the lock table lives in the silver schema, which a project never run has not made yet
        for (Statement schema : compiler.compile().schemas()) {
            VaultContext.createSchema(executor, schema);
        }
        return context.withRunLock(executor, ignored -> new TableUpkeep(project, executor, context.listener()).maintain(selection));
    }

    /** The Iceberg tables of the selected models: rows, files, size, snapshots, last load. Read-only; takes no lock. */
    public ImmutableList<TableStatus> status(Collection<String> selection)
    {
        return new TableUpkeep(project, context.executor(), context.listener()).status(selection);
    }

    /**
     * The age of each selected source's newest data, for the sources with a {@code freshness:}
     * block (dbt's {@code source freshness}). Reads metadata only; no run lock. Leaves
     * {@value Artifacts#SOURCES} in the target path.
     */
    public FreshnessResult freshness(Collection<String> selection)
    {
        FreshnessResult result = new FreshnessCheck(project, context.executor(), Clock.systemUTC()).check(selection);
        artifacts.sources(result);
        return result;
    }

    /**
     * Why a person's records are one person: shared key values, pairs a comparison accepted, values
     * the junk guard left out, merges. {@code subject} is a person key, an {@code identity_record},
     * or {@code <stage>:<record key>}; {@code hub} the identity hub, empty for the project's only
     * one. Reads only.
     */
    public IdentityExplanation explainIdentity(Optional<String> hub, String subject)
    {
        return new IdentityExplain(project, context.executor()).explain(hub, subject);
    }

    /** Runs any SQL on the engine and returns its rows. */
    public QueryResult query(String sql)
    {
        try {
            return context.executor().query(sql);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "the query failed: " + e.getMessage(), e);
        }
    }

    /** The number of Iceberg snapshots of a model's table; 0 when it has none. */
    public long snapshotCount(String model)
    {
        try {
            return context.executor().queryValue(TrinoQueries.snapshotCount(project.tableName(project.model(model)))).map(Long::parseLong).orElse(0L);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the snapshots of " + model + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the project's run lock, e.g. one a crashed run left behind. Returns who held it.
     * Only for when no run of the project is going on: a live run would lose its protection.
     */
    public Optional<String> unlock()
    {
        return RunLock.breakLock(context.executor(), project);
    }

    /** Connects (starting the embedded engine if that is the target) and returns the JDBC URL clients can use. */
    public String jdbcUrl()
    {
        return session().description();
    }

    /** The engine session, connected on first use. */
    public synchronized EngineSession session()
    {
        if (session == null) {
            session = connector.connect();
        }
        return session;
    }

    /** Where this vault runs, without credentials and without connecting: for logs and run results. */
    public String targetDescription()
    {
        return connector.description();
    }

    @Override
    public synchronized void close()
    {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
