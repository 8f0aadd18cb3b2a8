package dev.vault.runner.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * When a failed statement is run again: Iceberg commit conflicts (another writer committed first;
 * Trino says "Failed to commit"), transient network failures, and a catalog database (the Iceberg
 * JDBC catalog's PostgreSQL) that restarted under the cluster, with exponential backoff. User
 * errors (bad SQL, a missing table) are never retried. Retrying is safe because every vault load
 * is insert-only with an anti-join against its target, and every rebuild a whole-table replace:
 * a statement whose commit did land inserts nothing the second time.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff)
{
    public RetryPolicy
    {
        checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
    }

    public static RetryPolicy defaults()
    {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    public static RetryPolicy none()
    {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** Whether a failure may go away by itself. */
    public static boolean isTransient(SQLException failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("failed to commit") || message.contains("commitfailedexception")) {
                return true;
            }
            if (cause instanceof IOException) {
                return true;
            }
            if (message.contains("error executing query") || message.contains("error fetching") || message.contains("503 service unavailable")) {
                return true;
            }
            if (isCatalogConnectionLost(message)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The PostgreSQL driver's words, passed on by Trino, when the catalog database went away: a
     * pooled connection closed by a restart stays in Trino's pool and fails the next query that
     * takes it, and while the database restarts it refuses connections. A later attempt gets a
     * fresh connection.
     */
    private static boolean isCatalogConnectionLost(String message)
    {
        return message.contains("this connection has been closed")
                || message.contains("an i/o error occurred while sending to the backend")
                || message.contains("terminating connection due to administrator command")
                || message.contains("the database system is shutting down")
                || message.contains("the database system is starting up")
                || (message.contains("connection to ") && message.contains(" refused"));
    }

    public interface Operation<T>
    {
        T run()
                throws SQLException;
    }

    public interface Sleeper
    {
        void sleep(Duration duration)
                throws InterruptedException;
    }

    public <T> T run(Operation<T> operation, Consumer<String> onRetry)
            throws SQLException
    {
        return run(operation, onRetry, duration -> Thread.sleep(duration));
    }

    public <T> T run(Operation<T> operation, Consumer<String> onRetry, Sleeper sleeper)
            throws SQLException
    {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.run();
            }
            catch (SQLException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                onRetry.accept("attempt %d of %d failed (%s); retrying in %s ms".formatted(attempt, maxAttempts, firstLine(e.getMessage()), backoff.toMillis()));
                try {
                    sleeper.sleep(backoff);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
