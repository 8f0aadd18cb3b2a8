package dev.vault.runner.jdbc;

import com.google.common.collect.ImmutableList;
import dev.vault.runner.ExecutionStats;
import dev.vault.runner.QueryResult;
import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs SQL text on a session. Errors come back as {@link SQLException}s with secrets masked.
 * Counts what it ran ({@link #stats()}): every statement, with the engine's own figures for it.
 */
public final class SqlExecutor
{
    private final AtomicReference<ExecutionStats> stats = new AtomicReference<>(ExecutionStats.NONE);
    private final Connection connection;
    private final Redaction redaction;
    private final RetryPolicy retries;
    private final Consumer<String> onRetry;
    private final QueryMonitor queryMonitor;

    public SqlExecutor(EngineSession session)
    {
        this(session, RetryPolicy.none(), ignored -> {});
    }

    public SqlExecutor(EngineSession session, RetryPolicy retries, Consumer<String> onRetry)
    {
        this(session, retries, onRetry, QueryMonitor.NONE);
    }

    public SqlExecutor(EngineSession session, RetryPolicy retries, Consumer<String> onRetry, QueryMonitor queryMonitor)
    {
        this(requireNonNull(session, "session is null").connection(), session.redaction(), retries, onRetry, queryMonitor);
    }

    public SqlExecutor(Connection connection, Redaction redaction, RetryPolicy retries, Consumer<String> onRetry)
    {
        this(connection, redaction, retries, onRetry, QueryMonitor.NONE);
    }

    public SqlExecutor(Connection connection, Redaction redaction, RetryPolicy retries, Consumer<String> onRetry, QueryMonitor queryMonitor)
    {
        this.connection = requireNonNull(connection, "connection is null");
        this.redaction = requireNonNull(redaction, "redaction is null");
        this.retries = requireNonNull(retries, "retries is null");
        this.onRetry = requireNonNull(onRetry, "onRetry is null");
        this.queryMonitor = requireNonNull(queryMonitor, "queryMonitor is null");
    }

    /** Runs a statement, retried per the policy; returns the rows it inserted or wrote, or 0 for DDL. */
    public long update(String sql)
            throws SQLException
    {
        return retries.run(() -> updateOnce(sql), onRetry);
    }

    private long updateOnce(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            Monitored monitored = monitor(statement);
            try {
                if (statement.execute(sql)) {
                    return 0;
                }
                long count = statement.getLargeUpdateCount();
                return Math.max(count, 0);
            }
            finally {
                record(monitored);
            }
        }
        catch (SQLException e) {
            throw redacted(e);
        }
    }

    /** What this executor ran so far; a model's share is the difference of two readings. */
    public ExecutionStats stats()
    {
        return stats.get();
    }

    /**
     * Keeps the newest figures Trino reports while a statement runs (at its end, those of the whole
     * query), and passes each to the query monitor.
     */
    private Monitored monitor(Statement statement)
            throws SQLException
    {
        AtomicReference<QueryStats> last = new AtomicReference<>();
        QueryMonitor.Query query = queryMonitor.starting();
        if (statement.isWrapperFor(TrinoStatement.class)) {
            statement.unwrap(TrinoStatement.class).setProgressMonitor(stats -> {
                last.set(stats);
                try {
                    query.progress(stats);
                }
                catch (RuntimeException ignored) {
                    // a progress display that breaks must not break the statement, which runs in the driver's callback
                }
            });
        }
        return new Monitored(last, query);
    }

    private void record(Monitored monitored)
    {
        QueryStats query = monitored.last().get();
        ExecutionStats statement = query == null
                ? ExecutionStats.ofStatement(0, 0, 0)
                : ExecutionStats.ofStatement(query.getElapsedTimeMillis(), query.getQueuedTimeMillis(), query.getCpuTimeMillis());
        stats.accumulateAndGet(statement, ExecutionStats::plus);
        try {
            monitored.query().finished(Optional.ofNullable(query));
        }
        catch (RuntimeException ignored) {
            // as in monitor(): the statement's outcome is what counts
        }
    }

    public QueryResult query(String sql)
            throws SQLException
    {
        return retries.run(() -> queryOnce(sql), onRetry);
    }

    private QueryResult queryOnce(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            Monitored monitored = monitor(statement);
            try (ResultSet resultSet = statement.executeQuery(sql)) {
                return read(resultSet);
            }
            finally {
                record(monitored);
            }
        }
        catch (SQLException e) {
            throw redacted(e);
        }
    }

    private static QueryResult read(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        ImmutableList.Builder<String> columns = ImmutableList.builder();
        ImmutableList.Builder<String> types = ImmutableList.builder();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(metadata.getColumnLabel(i));
            types.add(metadata.getColumnTypeName(i));
        }
        ImmutableList.Builder<List<Object>> rows = ImmutableList.builder();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>(metadata.getColumnCount());
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                row.add(value(resultSet, metadata, i));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return new QueryResult(columns.build(), types.build(), rows.build());
    }

    /** The first column of the first row, as text; empty when there is no row or the value is null. */
    public Optional<String> queryValue(String sql)
            throws SQLException
    {
        QueryResult result = query(sql);
        if (result.rows().isEmpty() || result.rows().getFirst().getFirst() == null) {
            return Optional.empty();
        }
        return Optional.of(result.rows().getFirst().getFirst().toString());
    }

    private static Object value(ResultSet resultSet, ResultSetMetaData metadata, int column)
            throws SQLException
    {
        Object value = switch (metadata.getColumnType(column)) {
            case Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE, Types.DECIMAL -> resultSet.getObject(column);
            default -> resultSet.getString(column);
        };
        return resultSet.wasNull() ? null : value;
    }

    private SQLException redacted(SQLException e)
    {
        String message = redaction.apply(e.getMessage());
        if (message != null && message.equals(e.getMessage())) {
            return e;
        }
        SQLException copy = new SQLException(message, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private record Monitored(AtomicReference<QueryStats> last, QueryMonitor.Query query) {}
}
