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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One run of a project at a time on a cluster. Two runners loading the same tables at once
 * would both commit (Iceberg lets concurrent appends through), and their anti-joins could insert
 * the same key twice; so a run takes a lock first: a table {@code vault_lock_<project>} in the
 * silver schema, created atomically by the metastore, dropped when the run ends. A second runner
 * waits for it.
 * <p>
 * The lock is a lease: its holder rewrites the table comment every quarter of the lease (a
 * heartbeat). A runner killed without a chance to drop the lock stops renewing it; a waiter that
 * sees the comment unchanged for a whole lease (measured on its own clock, so clocks need not
 * agree) first stops the dead holder's queries still on the engine (found by their client
 * source; an INSERT sent before the kill may otherwise commit later) and waits until none is left,
 * then drops the lock and takes it. Of several waiters only the one that creates the table
 * {@code vault_lock_<project>_break_<session>} drops the lock, so a fresh lock is never dropped.
 */
final class RunLock
        implements AutoCloseable
{
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private static final Pattern LEASE = Pattern.compile("; session (vault-[0-9a-f]+); lease (\\d+) ms; heartbeat \\d+$");

    private final SqlExecutor executor;
    private final TableName table;
    private final String holder;
    private final SqlExecutor heartbeatExecutor;
    private final ScheduledExecutorService heartbeat;
    private final AtomicLong beats = new AtomicLong();
    private volatile boolean lost;

    private RunLock(SqlExecutor executor, TableName table, String holder, SqlExecutor heartbeatExecutor, Duration lease)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.table = requireNonNull(table, "table is null");
        this.holder = requireNonNull(holder, "holder is null");
        this.heartbeatExecutor = requireNonNull(heartbeatExecutor, "heartbeatExecutor is null");
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vault-run-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(lease.toMillis() / 4, 100);
        heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    static TableName table(Project project)
    {
        return new TableName(project.config().catalog(), project.config().schema(Layer.SILVER), "vault_lock_" + project.config().name());
    }

    /**
     * Takes the lock, waiting up to {@code timeout} for a live holder. {@code source} is the client
     * source of the caller's session: the queries a successor stops if this runner dies.
     * {@code heartbeatExecutor} is a connection of its own for the lease renewals.
     */
    static RunLock acquire(SqlExecutor executor, SqlExecutor heartbeatExecutor, String source, Project project, Duration timeout, Duration lease, Duration poll,
            Consumer<String> waiting)
    {
        TableName table = table(project);
        String holder = "held by %s (pid %d) since %s; session %s; lease %d ms".formatted(host(), ProcessHandle.current().pid(), Instant.now(), source, lease.toMillis());
        Instant deadline = Instant.now().plus(timeout);
        boolean told = false;
        Optional<String> seen = Optional.empty();
        long seenSince = System.nanoTime();
        while (true) {
            try {
                executor.update(TrinoQueries.createLock(table, comment(holder, 0)));
                return new RunLock(executor, table, holder, heartbeatExecutor, lease);
            }
            catch (SQLException e) {
                if (!alreadyExists(e)) {
                    throw new VaultException(ErrorCode.MODEL_FAILED, "cannot take the run lock %s: %s".formatted(table, e.getMessage()), e);
                }
            }
            Optional<String> current = comment(executor, table);
            if (!current.equals(seen)) {
                seen = current;
                seenSince = System.nanoTime();
            }
            else {
                Optional<Matcher> stale = current.map(LEASE::matcher).filter(Matcher::find);
                Duration unchanged = Duration.ofNanos(System.nanoTime() - seenSince);
                if (stale.isPresent() && unchanged.toMillis() > Long.parseLong(stale.get().group(2))) {
                    if (takeOver(executor, table, current.get(), stale.get().group(1), Duration.ofMillis(Long.parseLong(stale.get().group(2))), unchanged, waiting)) {
                        seen = Optional.empty();
                        continue;
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new VaultException(ErrorCode.LOCKED, ("another run of project '%s' holds the run lock %s (%s); waited %s s. If that run crashed, "
                        + "its lease runs out on its own; or run 'vault unlock' and try again").formatted(project.config().name(), table, current.orElse("holder unknown"), timeout.toSeconds()));
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

    /**
     * Breaks the lock of a holder that stopped renewing it. Returns false when it cannot yet: the
     * dead holder still has queries going, or another waiter is breaking it.
     */
    private static boolean takeOver(SqlExecutor executor, TableName table, String comment, String source, Duration lease, Duration unchanged, Consumer<String> waiting)
    {
        List<String> queries;
        try {
            queries = executor.query(TrinoQueries.unfinishedQueries(source)).rows().stream().map(row -> row.getFirst().toString()).toList();
        }
        catch (SQLException e) {
            waiting.accept("cannot list the queries of the run lock's stale holder %s: %s".formatted(source, e.getMessage()));
            return false;
        }
        if (!queries.isEmpty()) {
            waiting.accept("the run lock's holder stopped renewing its lease %s s ago (%s); stopping its %d unfinished quer%s first"
                    .formatted(unchanged.toSeconds(), comment, queries.size(), queries.size() == 1 ? "y" : "ies"));
            for (String query : queries) {
                try {
                    executor.update(TrinoQueries.killQuery(query, "vault: the runner that sent this query is gone (its run lock lease expired)"));
                }
                catch (SQLException e) {
                    // not allowed or already ended: it ends on its own when the engine abandons it (query.client.timeout)
                    waiting.accept("cannot stop query %s of the stale run lock holder: %s".formatted(query, e.getMessage()));
                }
            }
            return false;
        }
        TableName breaker = breaker(table, source);
        try {
            executor.update(TrinoQueries.createLock(breaker, "breaking the run lock of " + source));
        }
        catch (SQLException e) {
            // another waiter is breaking it: that takes a moment. A breaker there for longer than
            // the lease died while breaking; its table goes, and the next poll tries again
            if (alreadyExists(e) && unchanged.compareTo(lease.multipliedBy(2)) > 0) {
                dropQuietly(executor, breaker);
            }
            return false;
        }
        try {
            // the lock may have been renewed or replaced meanwhile; only the breaker of this holder drops it
            if (comment(executor, table).equals(Optional.of(comment))) {
                executor.update(TrinoQueries.dropLock(table));
                waiting.accept("dropped the run lock of a runner that stopped renewing its lease %s s ago (%s)".formatted(unchanged.toSeconds(), comment));
            }
            return true;
        }
        catch (SQLException e) {
            waiting.accept("cannot drop the stale run lock %s: %s".formatted(table, e.getMessage()));
            return false;
        }
        finally {
            dropQuietly(executor, breaker);
        }
    }

    /** Drops a project's run lock, whoever holds it; returns who did. */
    static Optional<String> breakLock(SqlExecutor executor, Project project)
    {
        TableName table = table(project);
        Optional<String> holder = comment(executor, table);
        try {
            executor.update(TrinoQueries.dropLock(table));
            Optional<Matcher> lease = holder.map(LEASE::matcher).filter(Matcher::find);
            if (lease.isPresent()) {
                executor.update(TrinoQueries.dropLock(breaker(table, lease.get().group(1))));
            }
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot drop the run lock %s: %s".formatted(table, e.getMessage()), e);
        }
        return holder;
    }

    /**
     * True when this runner no longer holds the lock: it could not renew the lease for so long
     * that another runner took the lock over. Nothing more may be loaded then.
     */
    boolean lost()
    {
        return lost;
    }

    private void renew()
    {
        try {
            Optional<String> current = heartbeatExecutor.queryValue(TrinoQueries.tableComment(table));
            // the holder text names this session, so it is this runner's lock whatever beat it shows
            // (a renewal may have committed although its answer was lost)
            if (current.filter(comment -> comment.startsWith(holder + "; heartbeat ")).isEmpty()) {
                lost = true;
                heartbeat.shutdown();
                return;
            }
            String next = comment(holder, beats.incrementAndGet());
            heartbeatExecutor.update(TrinoQueries.commentLock(table, next));
        }
        catch (SQLException | RuntimeException e) {
            // a passing failure: the next beat tries again, and the lease allows several misses
        }
    }

    @Override
    public void close()
    {
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lost) {
            // the lock is someone else's now
            return;
        }
        try {
            executor.update(TrinoQueries.dropLock(table));
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot release the run lock %s: %s; run 'vault unlock'".formatted(table, e.getMessage()), e);
        }
    }

    private static String comment(String holder, long beat)
    {
        return holder + "; heartbeat " + beat;
    }

    private static TableName breaker(TableName table, String source)
    {
        return new TableName(table.catalog(), table.schema(), table.table() + "_break_" + source.substring("vault-".length()));
    }

    private static boolean alreadyExists(SQLException e)
    {
        return e.getMessage() != null && e.getMessage().contains("already exists");
    }

    private static void dropQuietly(SqlExecutor executor, TableName table)
    {
        try {
            executor.update(TrinoQueries.dropLock(table));
        }
        catch (SQLException e) {
            // left behind, 'vault unlock' drops it
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
