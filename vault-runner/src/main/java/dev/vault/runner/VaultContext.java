package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Project;
import dev.vault.runner.jdbc.EngineSession;
import dev.vault.runner.jdbc.QueryMonitor;
import dev.vault.runner.jdbc.RetryPolicy;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Statement;
import dev.vault.sql.TrinoCompiler;
import io.trino.jdbc.QueryStats;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What every operation of a {@link Vault} shares: the project, its compiler, the engine session
 * (connected on first use) and the settings for retries and the run lock.
 */
final class VaultContext
{
    private final Project project;
    private final TrinoCompiler compiler;
    private final Supplier<EngineSession> session;
    private final VaultListener listener;
    private final RetryPolicy retries;
    private final Duration lockTimeout;
    private final Duration lockLease;

    VaultContext(Project project, TrinoCompiler compiler, Supplier<EngineSession> session, VaultListener listener, RetryPolicy retries, Duration lockTimeout, Duration lockLease)
    {
        this.project = requireNonNull(project, "project is null");
        this.compiler = requireNonNull(compiler, "compiler is null");
        this.session = requireNonNull(session, "session is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
        this.lockLease = requireNonNull(lockLease, "lockLease is null");
    }

    /**
     * The same engine session and settings for another project, told to no listener: the scratch
     * copy of the project that {@code vault test --unit} builds fixtures in.
     */
    VaultContext forProject(Project other)
    {
        return new VaultContext(other, new TrinoCompiler(other), session, VaultListener.NONE, retries, lockTimeout, lockLease);
    }

    Project project()
    {
        return project;
    }

    TrinoCompiler compiler()
    {
        return compiler;
    }

    VaultListener listener()
    {
        return listener;
    }

    EngineSession session()
    {
        return session.get();
    }

    /** An executor on the session's connection, retrying what the retry policy allows. */
    SqlExecutor executor()
    {
        return new SqlExecutor(session(), retries, message -> listener.modelProgress("retry", message), queryMonitor());
    }

    /** An executor on a connection of its own, for a worker thread. */
    SqlExecutor workerExecutor()
    {
        return new SqlExecutor(openConnection(), session().redaction(), retries, message -> listener.modelProgress("retry", message), queryMonitor());
    }

    /** Tells the listener how each statement goes, naming the model the executing thread runs. */
    private QueryMonitor queryMonitor()
    {
        return () -> {
            Optional<String> model = CurrentModel.get();
            return new QueryMonitor.Query()
            {
                @Override
                public void progress(QueryStats stats)
                {
                    listener.statementProgress(StatementProgress.of(model, stats));
                }

                @Override
                public void finished(Optional<QueryStats> last)
                {
                    last.ifPresent(stats -> listener.statementFinished(StatementProgress.of(model, stats)));
                }
            };
        };
    }

    /**
     * Runs {@code work} holding the project's run lock, renewed on a connection of its own so a
     * long statement on the work's connection never lets the lease run out.
     */
    <T> T withRunLock(SqlExecutor executor, Function<RunLock, T> work)
    {
        try (Connection renewals = openConnection();
                RunLock lock = RunLock.acquire(executor, new SqlExecutor(renewals, session().redaction(), RetryPolicy.none(), ignored -> {}), session().source(),
                        project, lockTimeout, lockLease, Duration.ofSeconds(1), message -> listener.modelProgress("lock", message))) {
            return work.apply(lock);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot close the run lock's connection: " + e.getMessage(), e);
        }
    }

    /** Creates a schema the project writes to. */
    static void createSchema(SqlExecutor executor, Statement statement)
    {
        try {
            executor.update(statement.sql());
        }
        catch (SQLException e) {
            // the statements say IF NOT EXISTS, but two runners starting together can both see
            // nothing and both create: the loser's "already exists" is the outcome it asked for
            if (String.valueOf(e.getMessage()).contains("already exists")) {
                return;
            }
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot create schema %s.%s: %s".formatted(statement.target().catalog(), statement.target().schema(), e.getMessage()), e);
        }
    }

    private Connection openConnection()
    {
        try {
            return session().openConnection();
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot open another connection to Trino: " + e.getMessage(), e);
        }
    }
}
