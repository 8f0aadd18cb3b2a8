package dev.vault.sql;

import dev.vault.core.model.TableName;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A stage a load may read incrementally: the stage's view, the Iceberg table under it, and the
 * view's query with its source table left as {@link #CHANGES_SLOT}. When the runner finds that
 * only appends reached the source since the load's last build (see {@link Guard#incremental()}),
 * it puts the rows those snapshots added into the slot (Trino's {@code table_changes}) and reads
 * the relation in place of the view; otherwise the load reads the view, all of it.
 * <p>
 * Only loads that are insert-only and idempotent per row take part: a row the last build saw
 * gave its result then, so reading it again adds nothing, and leaving it out changes nothing.
 */
public record IncrementalSource(TableName view, TableName source, String relation)
{
    /** Where the runner puts the source rows to read: the changes of some snapshots, or the whole table. */
    public static final String CHANGES_SLOT = "${source_rows}";

    public IncrementalSource
    {
        requireNonNull(view, "view is null");
        requireNonNull(source, "source is null");
        requireNonNull(relation, "relation is null");
        checkArgument(relation.contains(CHANGES_SLOT), "the relation of %s has no slot for its source rows", view);
    }

    /** The relation over the rows the snapshots after {@code fromExclusive} up to {@code to} appended to the source. */
    public String appendedBetween(long fromExclusive, long to)
    {
        String changes = "(SELECT * FROM TABLE(%s.system.table_changes(schema_name => %s, table_name => %s, start_snapshot_id => %d, end_snapshot_id => %d)) WHERE \"_change_type\" = 'insert')"
                .formatted(SqlText.identifier(source.catalog()), SqlText.literal(source.schema()), SqlText.literal(source.table()), fromExclusive, to);
        return relation.replace(CHANGES_SLOT, changes);
    }

    /** The relation over no source row: the source gained nothing since the last build. */
    public String nothingAppended()
    {
        return relation.replace(CHANGES_SLOT, "(SELECT * FROM " + SqlText.table(source) + " WHERE false)");
    }

    /** A load's statement reading this relation where it read the view. */
    public static String readInstead(String sql, TableName view, String relation)
    {
        return sql.replace(SqlText.table(view), "(\n" + relation.strip() + "\n)");
    }
}
