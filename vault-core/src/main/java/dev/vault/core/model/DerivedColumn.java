package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A staging column computed from source columns by a Trino SQL expression. Identifiers in the
 * expression are checked against the source's columns when the project loads.
 */
public record DerivedColumn(String name, String sql, String type, Location location)
{
    public DerivedColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(type, "type is null");
        requireNonNull(location, "location is null");
    }
}
