package dev.vault.benchmarks.pipeline;

import dev.vault.core.model.TableName;
import dev.vault.runner.QueryResult;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What a step wrote to Iceberg, from the tables' {@code $snapshots} metadata: the snapshots
 * committed since an instant and the data files they added ({@code summary['added-data-files']}).
 * Only tables that still exist are seen: the run lock's table, created and dropped by every run,
 * is not counted.
 */
final class IcebergActivity
{
    private IcebergActivity() {}

    /** {snapshots, data files added} over the base tables of {@code schemas} of the session's catalog. */
    static long[] since(SqlExecutor executor, List<String> schemas, Instant since)
    {
        long snapshots = 0;
        long files = 0;
        try {
            for (String schema : schemas) {
                QueryResult tables = executor.query("SELECT table_catalog, table_name FROM information_schema.tables WHERE table_schema = %s AND table_type = 'BASE TABLE'"
                        .formatted(SqlText.literal(schema)));
                for (List<Object> table : tables.rows()) {
                    String name = SqlText.metadataTable(new TableName((String) table.get(0), schema, (String) table.get(1)), "snapshots");
                    QueryResult written = executor.query("SELECT count(*), coalesce(sum(CAST(element_at(summary, 'added-data-files') AS bigint)), 0) FROM %s WHERE committed_at >= from_iso8601_timestamp(%s)"
                            .formatted(name, SqlText.literal(since.toString())));
                    snapshots += ((Number) written.rows().getFirst().get(0)).longValue();
                    files += ((Number) written.rows().getFirst().get(1)).longValue();
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the snapshots: " + e.getMessage(), e);
        }
        return new long[] {snapshots, files};
    }
}
