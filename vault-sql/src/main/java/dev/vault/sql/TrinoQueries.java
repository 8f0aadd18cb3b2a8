package dev.vault.sql;

import dev.vault.core.model.TableName;

/** Read-only queries the runner asks about tables; built here so the runner never writes SQL. */
public final class TrinoQueries
{
    private TrinoQueries() {}

    /** One row per existing table or view of a schema: {@code table_name}. */
    public static String tablesOf(String catalog, String schema)
    {
        return "SELECT table_name FROM " + SqlText.identifier(catalog) + ".information_schema.tables WHERE table_schema = " + SqlText.literal(schema);
    }

    /** The table's newest snapshot id, or no row for a table without snapshots. */
    public static String latestSnapshot(TableName table)
    {
        return "SELECT snapshot_id FROM " + SqlText.metadataTable(table, "snapshots") + " ORDER BY committed_at DESC LIMIT 1";
    }

    /** The number of snapshots of an Iceberg table. */
    public static String snapshotCount(TableName table)
    {
        return "SELECT count(*) FROM " + SqlText.metadataTable(table, "snapshots");
    }

    /** The table's comment, or no row for a table that does not exist. */
    public static String tableComment(TableName table)
    {
        return "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = " + SqlText.literal(table.catalog())
                + " AND schema_name = " + SqlText.literal(table.schema())
                + " AND table_name = " + SqlText.literal(table.table());
    }
}
