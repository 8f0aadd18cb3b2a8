package dev.vault.sql;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The columns a model's Iceberg table should have, as its CREATE TABLE declares them. The runner
 * compares them with the table that exists to evolve it ({@link SchemaEvolution}).
 */
public record TableDefinition(ImmutableList<TableColumn> columns)
{
    /**
     * A column; {@code key} columns (hash keys, business keys, load columns, hashdiffs) are NOT
     * NULL and identify rows, payload columns are nullable and may be added later.
     */
    public record TableColumn(String name, String type, boolean key, String comment)
    {
        public TableColumn
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(comment, "comment is null");
        }
    }

    public TableDefinition
    {
        requireNonNull(columns, "columns is null");
    }

    public Optional<TableColumn> column(String name)
    {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }
}
