package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A bronze table as it lands from a source system. vault reads it and never writes it, except
 * when seeding it from CSV files for examples and tests.
 *
 * @param recordSource what staged rows carry in {@code record_source}: a fixed name, e.g.
 *     {@code activecampaign}, or a value per row from a column or an expression
 * @param loadTimestamp the column holding when each row landed in bronze
 * @param freshness how old its newest data may be, for {@code vault freshness}
 */
public record Source(
        String name,
        String description,
        Optional<String> schema,
        String table,
        RecordSource recordSource,
        String loadTimestamp,
        ImmutableList<Column> columns,
        Optional<Freshness> freshness,
        Location location)
        implements Model
{
    public Source
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(recordSource, "recordSource is null");
        requireNonNull(loadTimestamp, "loadTimestamp is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(freshness, "freshness is null");
        requireNonNull(location, "location is null");
    }

    public Optional<Column> column(String columnName)
    {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.SOURCE;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.of();
    }
}
