package dev.vault.sql;

import dev.vault.core.model.TableName;

import static java.util.Objects.requireNonNull;

/**
 * An identity hub a load reads persons from (through its resolved view), as an incremental read
 * must know it: a record the hub mapped since the load's last build must have its rows in the
 * batch, and the records of persons merged since must be read again, since they now belong to
 * another person. Both are found from the hub's insert-only tables by their snapshots.
 *
 * @param records the hub's record map ({@code <hub>_records})
 * @param sameAs the hub's same-as link
 * @param masterColumn the same-as link's column naming the surviving person
 * @param resolved the hub's resolved view: every record's current person
 * @param hashKey the person column of the resolved view
 */
public record IdentityInput(TableName records, TableName sameAs, String masterColumn, TableName resolved, String hashKey)
{
    public IdentityInput
    {
        requireNonNull(records, "records is null");
        requireNonNull(sameAs, "sameAs is null");
        requireNonNull(masterColumn, "masterColumn is null");
        requireNonNull(resolved, "resolved is null");
        requireNonNull(hashKey, "hashKey is null");
    }

    /**
     * The identity_record of every record whose current person took in another person between
     * the two snapshots of the same-as link: every record of each surviving person.
     */
    public String mergedRecords(long fromExclusive, long to)
    {
        return """
                SELECT resolved."identity_record"
                FROM %s AS resolved
                WHERE resolved.%s IN (
                    SELECT merged.%s
                    FROM TABLE(%s.system.table_changes(schema_name => %s, table_name => %s, start_snapshot_id => %d, end_snapshot_id => %d)) AS merged
                    WHERE merged."_change_type" = 'insert')""".formatted(SqlText.table(resolved), SqlText.identifier(hashKey), SqlText.identifier(masterColumn),
                SqlText.identifier(sameAs.catalog()), SqlText.literal(sameAs.schema()), SqlText.literal(sameAs.table()), fromExclusive, to);
    }
}
