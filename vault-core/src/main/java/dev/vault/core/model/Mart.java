package dev.vault.core.model;

import com.google.common.collect.ImmutableSet;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A gold model written in SQL. Other models are referenced as {@code {{ ref('name') }}}, which
 * compiles to the referenced model's quoted table name and adds an edge to the DAG.
 *
 * @param sql the query as written, refs unresolved
 * @param sqlLocation where the first line of {@code sql} is, to locate errors inside it
 */
public record Mart(
        String name,
        String description,
        Materialization materialized,
        String sql,
        Location sqlLocation,
        ImmutableSet<String> refs,
        Location location)
        implements Model
{
    /** A {@code {{ ref('name') }}} in a mart's SQL; group 1 is the model's name. */
    public static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([^']*)'\\s*\\)\\s*}}");

    public enum Materialization
    {
        TABLE, VIEW
    }

    public Mart
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(materialized, "materialized is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(sqlLocation, "sqlLocation is null");
        requireNonNull(refs, "refs is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.MART;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return refs;
    }
}
