package dev.vault.runner;

import io.trino.jdbc.QueryStats;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Trino's figures of one running statement, as its driver last heard them.
 *
 * @param model the model whose run sent the statement; empty for statements of no model (a query, a test)
 * @param queryId Trino's query id, the key of the statement's reports
 * @param state Trino's query state: QUEUED, PLANNING, STARTING, RUNNING, FINISHING, FINISHED, FAILED
 * @param elapsed since Trino took the query, queueing included
 */
public record StatementProgress(
        Optional<String> model,
        String queryId,
        String state,
        int completedSplits,
        int totalSplits,
        long processedRows,
        long processedBytes,
        Duration elapsed)
{
    public StatementProgress
    {
        requireNonNull(model, "model is null");
        requireNonNull(queryId, "queryId is null");
        requireNonNull(state, "state is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    static StatementProgress of(Optional<String> model, QueryStats stats)
    {
        return new StatementProgress(model, stats.getQueryId(), stats.getState(), stats.getCompletedSplits(), stats.getTotalSplits(),
                stats.getProcessedRows(), stats.getProcessedBytes(), Duration.ofMillis(stats.getElapsedTimeMillis()));
    }
}
