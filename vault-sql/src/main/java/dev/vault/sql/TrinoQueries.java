package dev.vault.sql;

import dev.vault.core.model.TableName;

import java.util.Collection;
import java.util.stream.Collectors;

/** Read-only queries the runner asks about tables; built here so the runner never writes SQL. */
public final class TrinoQueries
{
    private TrinoQueries() {}

    /** One row per existing table or view of a schema: {@code table_name}. */
    public static String tablesOf(String catalog, String schema)
    {
        return "SELECT table_name FROM " + SqlText.identifier(catalog) + ".information_schema.tables WHERE table_schema = " + SqlText.literal(schema);
    }

    /**
     * The id of the table's newest snapshot that changed data, or no row for a table without one.
     * 'replace' snapshots (compaction, manifest rewrites by {@code vault maintain}) keep the rows
     * as they were, so a table derived from this one stays up to date across them.
     */
    public static String latestSnapshot(TableName table)
    {
        return "SELECT snapshot_id FROM " + SqlText.metadataTable(table, "snapshots") + " WHERE operation <> 'replace' ORDER BY committed_at DESC LIMIT 1";
    }

    /**
     * Every table and view of these schemas of a catalog, with its type and comment, in one query:
     * {@code table_schema, table_name, table_type, comment}. A run reads it once, instead of asking
     * table by table whether it exists and what fingerprint its comment holds.
     */
    public static String relations(String catalog, Collection<String> schemas)
    {
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("no schemas");
        }
        String schemaList = schemas.stream().sorted().map(SqlText::literal).collect(Collectors.joining(", "));
        return "SELECT t.table_schema, t.table_name, t.table_type, c.comment\n"
                + "FROM " + SqlText.identifier(catalog) + ".information_schema.tables AS t\n"
                + "LEFT JOIN system.metadata.table_comments AS c\n"
                + "  ON c.catalog_name = " + SqlText.literal(catalog) + " AND c.schema_name = t.table_schema AND c.table_name = t.table_name\n"
                + "WHERE t.table_schema IN (" + schemaList + ")";
    }

    /**
     * The newest data-changing snapshot of each of these tables, in one query:
     * {@code table_schema, table_name, snapshot_id} (null for a table without one). The same
     * answer as {@link #latestSnapshot} asked table by table.
     */
    public static String latestSnapshots(Collection<TableName> tables)
    {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables");
        }
        return tables.stream()
                .map(table -> "SELECT " + SqlText.literal(table.schema()) + " AS table_schema, " + SqlText.literal(table.table()) + " AS table_name, "
                        + "max_by(snapshot_id, committed_at) AS snapshot_id FROM " + SqlText.metadataTable(table, "snapshots") + " WHERE operation <> 'replace'")
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    /**
     * When an Iceberg table last changed, in seconds since the epoch: its newest snapshot's commit
     * time, compactions included (a compaction moves no rows, but a bronze table vault does not
     * own is rarely compacted by anyone but its loader).
     */
    public static String newestCommit(TableName table)
    {
        return "SELECT to_unixtime(max(committed_at)) FROM " + SqlText.metadataTable(table, "snapshots");
    }

    /**
     * The newest value of a timestamp or date column, in seconds since the epoch; a timestamp
     * without time zone is read in the session's zone, as Trino's {@code current_timestamp} is.
     */
    public static String newestValue(TableName table, String column)
    {
        return "SELECT to_unixtime(CAST(max(" + SqlText.identifier(column) + ") AS timestamp(6) with time zone)) FROM " + SqlText.table(table);
    }

    /**
     * When each of these tables last changed data, in seconds since the epoch, in one query:
     * {@code table_schema, table_name, committed} (null for a table without such a snapshot).
     * Compactions ('replace') are left out, as {@link #latestSnapshot} leaves them out.
     */
    public static String latestDataCommits(Collection<TableName> tables)
    {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables");
        }
        return tables.stream()
                .map(table -> "SELECT " + SqlText.literal(table.schema()) + " AS table_schema, " + SqlText.literal(table.table()) + " AS table_name, "
                        + "to_unixtime(max(committed_at)) AS committed FROM " + SqlText.metadataTable(table, "snapshots") + " WHERE operation <> 'replace'")
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    /**
     * When a table's metadata last changed, in seconds since the epoch: for a guarded table, the
     * comment that records its last build's fingerprint, written after its load.
     */
    public static String lastMetadataChange(TableName table)
    {
        return "SELECT to_unixtime(max(\"timestamp\")) FROM " + SqlText.metadataTable(table, "metadata_log_entries");
    }

    /** The number of snapshots of an Iceberg table. */
    public static String snapshotCount(TableName table)
    {
        return "SELECT count(*) FROM " + SqlText.metadataTable(table, "snapshots");
    }

    /**
     * Takes the run lock of a project: creating a table is atomic in the metastore, so of two
     * runners creating it at once exactly one succeeds. The comment says who holds it, since when.
     */
    public static String createLock(TableName lock, String holder)
    {
        return "CREATE TABLE " + SqlText.table(lock) + " (holder varchar) COMMENT " + SqlText.literal(holder);
    }

    public static String dropLock(TableName lock)
    {
        return "DROP TABLE IF EXISTS " + SqlText.table(lock);
    }

    /** The columns of a table and their Trino types, in table order: {@code column_name, data_type}. */
    public static String columnsOf(TableName table)
    {
        return "SELECT column_name, data_type FROM " + SqlText.identifier(table.catalog()) + ".information_schema.columns"
                + " WHERE table_schema = " + SqlText.literal(table.schema())
                + " AND table_name = " + SqlText.literal(table.table())
                + " ORDER BY ordinal_position";
    }

    /** Renews the run lock's lease: the holder rewrites the comment, so waiters see it is alive. */
    public static String commentLock(TableName lock, String holder)
    {
        return "COMMENT ON TABLE " + SqlText.table(lock) + " IS " + SqlText.literal(holder);
    }

    /** The queries of a client session ({@code source}) that have not ended yet: {@code query_id}. */
    public static String unfinishedQueries(String source)
    {
        return "SELECT query_id FROM system.runtime.queries WHERE source = " + SqlText.literal(source) + " AND state NOT IN ('FINISHED', 'FAILED')";
    }

    /** Stops a query, e.g. one a crashed runner left going. */
    public static String killQuery(String queryId, String message)
    {
        return "CALL system.runtime.kill_query(query_id => " + SqlText.literal(queryId) + ", message => " + SqlText.literal(message) + ")";
    }

    /** The table's comment, or no row for a table that does not exist. */
    public static String tableComment(TableName table)
    {
        return "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = " + SqlText.literal(table.catalog())
                + " AND schema_name = " + SqlText.literal(table.schema())
                + " AND table_name = " + SqlText.literal(table.table());
    }

    // the test's SQL goes in as it is, not indented: a string literal in a test expression may span lines

    /** The number of rows a data test's query returns: the rows that break its rule. */
    public static String testFailures(DataTest test)
    {
        return "-- vault test: " + SqlText.comment(test.name()) + " (count)\n"
                + "SELECT count(*) AS failures\nFROM (\n" + test.sql() + ") AS failing";
    }

    /** Up to {@code limit} of the rows that break a data test's rule, to show what is wrong. */
    public static String testSample(DataTest test, int limit)
    {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return "-- vault test: " + SqlText.comment(test.name()) + " (sample)\n"
                + "SELECT *\nFROM (\n" + test.sql() + ") AS failing\nLIMIT " + limit;
    }
}
