package dev.vault.runner.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRetryPolicy
{
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3));

    @Test
    void commitConflictsAndNetworkFailuresAreTransient()
    {
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#20261121_1): Failed to commit Iceberg update to table: silver.hub_pessoa"))).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("Error executing query", new ConnectException("Connection refused")))).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("Error fetching next", new IOException("stream reset")))).isTrue();
    }

    @Test
    void aRestartedCatalogDatabaseIsTransient()
    {
        // what trino-jdbc gives when the Iceberg JDBC catalog's PostgreSQL restarted: Trino's message, the driver's as its cause
        SQLException staleConnection = new SQLException("Query failed (#20261202_182713_00844): Error listing tables for catalog iceberg: Failed to execute exists query",
                new RuntimeException("Failed to execute exists query", new RuntimeException("This connection has been closed.")));
        assertThat(RetryPolicy.isTransient(staleConnection)).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): Connection to 127.0.0.1:5433 refused. Check that the hostname and port are correct"))).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): FATAL: the database system is starting up"))).isTrue();
        // a catalog that answers but refuses what was asked is not
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): Error listing tables for catalog iceberg: permission denied for table iceberg_tables"))).isFalse();
    }

    @Test
    void userErrorsAreNot()
    {
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): line 3:8: Column 'no_such_column' cannot be resolved"))).isFalse();
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): line 1:15: Table 'iceberg.silver.nope' does not exist"))).isFalse();
        assertThat(RetryPolicy.isTransient(new SQLException("Query failed (#1): sat: key X has different payloads at load_datetime T"))).isFalse();
    }

    @Test
    void retriesWithDoublingBackoffUntilItSucceeds()
            throws SQLException
    {
        List<Duration> sleeps = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        int[] calls = {0};
        String result = POLICY.run(() -> {
            if (++calls[0] < 4) {
                throw new SQLException("Query failed (#" + calls[0] + "): Failed to commit Iceberg update");
            }
            return "done";
        }, messages::add, sleeps::add);

        assertThat(result).isEqualTo("done");
        assertThat(calls[0]).isEqualTo(4);
        // doubling, capped at the maximum
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(messages).hasSize(3).first().asString()
                .isEqualTo("attempt 1 of 4 failed (Query failed (#1): Failed to commit Iceberg update); retrying in 1000 ms");
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastError()
    {
        int[] calls = {0};
        assertThatThrownBy(() -> POLICY.run(() -> {
            throw new SQLException("Failed to commit #" + ++calls[0]);
        }, ignored -> {}, ignored -> {}))
                .isInstanceOf(SQLException.class)
                .hasMessage("Failed to commit #4");
        assertThat(calls[0]).isEqualTo(4);
    }

    @Test
    void userErrorsFailAtOnce()
    {
        int[] calls = {0};
        assertThatThrownBy(() -> POLICY.run(() -> {
            calls[0]++;
            throw new SQLException("line 1:8: Column 'x' cannot be resolved");
        }, ignored -> {}, ignored -> {}))
                .hasMessageContaining("cannot be resolved");
        assertThat(calls[0]).isEqualTo(1);
    }
}
