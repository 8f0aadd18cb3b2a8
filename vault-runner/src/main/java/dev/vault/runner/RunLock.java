package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.TrinoQueries;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One run of a project at a time on a cluster. Two runners loading the same tables at once
 * would both commit (Iceberg lets concurrent appends through), and their anti-joins could insert
 * the same key twice; so a run takes a lock first: a table {@code vault_lock_<project>} in the
 * silver schema, created atomically by the metastore, dropped when the run ends. A second runner
 * waits for it. A lock left by a crashed runner names its holder; {@code vault unlock} drops it.
 */
final class RunLock
        implements AutoCloseable
{
    private final SqlExecutor executor;
    private final TableName table;

    private RunLock(SqlExecutor executor, TableName table)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.table = requireNonNull(table, "table is null");
    }

    static TableName table(Project project)
    {
        return new TableName(project.config().catalog(), project.config().schema(Layer.SILVER), "vault_lock_" + project.config().name());
    }

    static RunLock acquire(SqlExecutor executor, Project project, Duration timeout, Duration poll, Consumer<String> waiting)
    {
        TableName table = table(project);
        String holder = "held by %s (pid %d) since %s".formatted(host(), ProcessHandle.current().pid(), Instant.now());
        Instant deadline = Instant.now().plus(timeout);
        boolean told = false;
        while (true) {
            try {
                executor.update(TrinoQueries.createLock(table, holder));
                return new RunLock(executor, table);
            }
            catch (SQLException e) {
                if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                    throw new VaultException(ErrorCode.MODEL_FAILED, "cannot take the run lock %s: %s".formatted(table, e.getMessage()), e);
                }
            }
            Optional<String> current = comment(executor, table);
            if (Instant.now().isAfter(deadline)) {
                throw new VaultException(ErrorCode.LOCKED, ("another run of project '%s' holds the run lock %s (%s); waited %s s. If that run crashed, "
                        + "run 'vault unlock' and try again").formatted(project.config().name(), table, current.orElse("holder unknown"), timeout.toSeconds()));
            }
            if (!told) {
                waiting.accept("waiting for the run lock %s, %s".formatted(table, current.orElse("holder unknown")));
                told = true;
            }
            try {
                Thread.sleep(poll.toMillis());
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new VaultException(ErrorCode.LOCKED, "interrupted while waiting for the run lock " + table, interrupted);
            }
        }
    }

    /** Drops a project's run lock, whoever holds it; returns who did. */
    static Optional<String> breakLock(SqlExecutor executor, Project project)
    {
        TableName table = table(project);
        Optional<String> holder = comment(executor, table);
        try {
            executor.update(TrinoQueries.dropLock(table));
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot drop the run lock %s: %s".formatted(table, e.getMessage()), e);
        }
        return holder;
    }

    @Override
    public void close()
    {
        try {
            executor.update(TrinoQueries.dropLock(table));
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot release the run lock %s: %s; run 'vault unlock'".formatted(table, e.getMessage()), e);
        }
    }

    private static Optional<String> comment(SqlExecutor executor, TableName table)
    {
        try {
            return executor.queryValue(TrinoQueries.tableComment(table));
        }
        catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String host()
    {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            return "unknown host";
        }
    }
}
