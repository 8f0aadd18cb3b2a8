package dev.vault.sql;

import dev.vault.core.model.DeclaredTest;

import static java.util.Objects.requireNonNull;

/**
 * A data test: {@code sql} selects the rows that break the rule, so a test passes when it returns
 * none. The runner counts them with {@link TrinoQueries#testFailures} and shows a few with
 * {@link TrinoQueries#testSample}.
 */
public record DataTest(String name, String model, String description, DeclaredTest.Severity severity, String sql)
{
    public DataTest
    {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(description, "description is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(sql, "sql is null");
    }

    /** A test whose failure fails the command. */
    public DataTest(String name, String model, String description, String sql)
    {
        this(name, model, description, DeclaredTest.Severity.ERROR, sql);
    }
}
