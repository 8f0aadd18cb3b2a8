package dev.vault.sql.kind;

import dev.vault.sql.TableDefinition;

import static java.util.Objects.requireNonNull;

/** A CREATE TABLE statement and the columns it declares, returned together. */
public record TableSql(String sql, TableDefinition definition)
{
    public TableSql
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(definition, "definition is null");
    }
}
