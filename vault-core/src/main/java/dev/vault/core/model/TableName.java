package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/** A fully qualified table or view name; every part is a validated identifier. */
public record TableName(String catalog, String schema, String table)
{
    public TableName
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        for (String part : new String[] {catalog, schema, table}) {
            if (!Identifiers.isValid(part)) {
                throw new IllegalArgumentException("invalid identifier: " + part);
            }
        }
    }

    @Override
    public String toString()
    {
        return catalog + "." + schema + "." + table;
    }
}
