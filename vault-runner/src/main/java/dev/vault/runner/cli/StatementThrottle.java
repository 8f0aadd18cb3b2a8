package dev.vault.runner.cli;

import com.google.common.base.Ticker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * When to show a running statement's progress: not before it has run {@code first} (a short
 * statement shows nothing), then at most once every {@code every}. Its clock starts at the first
 * report of a query id, which the driver sends as the statement starts.
 */
final class StatementThrottle
{
    private final Ticker ticker;
    private final long firstNanos;
    private final long everyNanos;
    private final Map<String, Statement> statements = new HashMap<>();

    StatementThrottle(Ticker ticker, Duration first, Duration every)
    {
        this.ticker = requireNonNull(ticker, "ticker is null");
        checkArgument(!first.isNegative() && every.isPositive(), "first must not be negative and every positive");
        this.firstNanos = first.toNanos();
        this.everyNanos = every.toNanos();
    }

    /** Whether to show this report of the statement. */
    synchronized boolean due(String queryId)
    {
        long now = ticker.read();
        Statement statement = statements.computeIfAbsent(queryId, ignored -> new Statement(now));
        long next = statement.shown == null ? statement.started + firstNanos : statement.shown + everyNanos;
        if (now - next < 0) {
            return false;
        }
        statement.shown = now;
        return true;
    }

    /** Forgets the statement; true when any of its reports was shown. */
    synchronized boolean finished(String queryId)
    {
        Statement statement = statements.remove(queryId);
        return statement != null && statement.shown != null;
    }

    private static final class Statement
    {
        private final long started;
        private Long shown;

        private Statement(long started)
        {
            this.started = started;
        }
    }
}
