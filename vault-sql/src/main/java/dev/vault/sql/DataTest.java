package dev.vault.sql;

import static java.util.Objects.requireNonNull;

/** A data test: {@code sql} returns one row with the number of rows that break the rule. */
public record DataTest(String name, String model, String description, String sql)
{
    public DataTest
    {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(description, "description is null");
        requireNonNull(sql, "sql is null");
    }
}
