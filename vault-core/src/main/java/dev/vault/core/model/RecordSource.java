package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/**
 * What a source's staged rows carry in {@code record_source}: one system's name for the whole
 * table ({@code record-source: crm}), or a value per row, from a column or an expression, for a
 * landing table that holds several systems' rows ({@code record-source: {column: source}}, as
 * Airbyte or a CDC tool write them).
 */
public sealed interface RecordSource
{
    /** {@code record-source: crm}: every row of the table comes from one system. */
    record Fixed(String value)
            implements RecordSource
    {
        public Fixed
        {
            requireNonNull(value, "value is null");
        }
    }

    /** {@code record-source: {column: source}}: each row names its system in a column of the source. */
    record FromColumn(String column)
            implements RecordSource
    {
        public FromColumn
        {
            requireNonNull(column, "column is null");
        }
    }

    /** {@code record-source: {sql: "..."}}: a SQL expression over the source's columns gives each row's system. */
    record FromSql(String sql, Location location)
            implements RecordSource
    {
        public FromSql
        {
            requireNonNull(sql, "sql is null");
            requireNonNull(location, "location is null");
        }
    }

    /** How the docs and column descriptions say it. */
    default String describe()
    {
        return switch (this) {
            case Fixed fixed -> "'" + fixed.value() + "'";
            case FromColumn column -> "per row, from column " + column.column();
            case FromSql sql -> "per row, from " + sql.sql().strip();
        };
    }
}
