package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The rows of an ad-hoc query. Values are Java objects as trino-jdbc returns them for numbers
 * and booleans, and strings (Trino's own text form) for everything else; null stays null.
 */
public record QueryResult(ImmutableList<String> columns, ImmutableList<String> types, ImmutableList<List<Object>> rows)
{
    public QueryResult
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(types, "types is null");
        requireNonNull(rows, "rows is null");
    }
}
