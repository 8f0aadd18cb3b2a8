package dev.vault.runner.jdbc;

import io.trino.jdbc.QueryStats;

import java.util.Optional;

/** Hears Trino's figures of each statement an executor runs, while it runs: for progress displays. */
@FunctionalInterface
public interface QueryMonitor
{
    QueryMonitor NONE = () -> Query.NONE;

    /**
     * A statement is about to start. Called on the thread that runs it, so the monitor may note
     * what that thread works on (a model); the statement's figures go to the {@link Query} returned.
     */
    Query starting();

    interface Query
    {
        Query NONE = new Query()
        {
            @Override
            public void progress(QueryStats stats) {}

            @Override
            public void finished(Optional<QueryStats> last) {}
        };

        /** The newest figures, each time the driver hears from Trino (about every second); maybe on a thread of the driver's. */
        void progress(QueryStats stats);

        /** The statement finished, failed or was cancelled; {@code last} are its last figures, when Trino sent any. */
        void finished(Optional<QueryStats> last);
    }
}
