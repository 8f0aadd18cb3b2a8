package dev.vault.core.model;

import com.google.common.collect.ImmutableList;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A data test written in a model's YAML, dbt-style: under a column ({@code columns: - name: x
 * tests: [not_null]}) or under the model ({@code tests: - unique: {column: x}}). It holds for a
 * model when no row of the model's table breaks it.
 *
 * @param columns the tested columns: one, several for {@code unique}, none for a model-level {@code expression}
 * @param values the accepted values of {@code accepted_values}, as written
 * @param quote whether accepted values are string literals ({@code quote: true}, the default) or numbers and booleans
 * @param to the model {@code relationships} looks the values up in
 * @param field the column of {@code to} the values must be in; defaults to the tested column's name
 * @param expression the boolean Trino SQL of an {@code expression} test, run as written
 * @param where an optional Trino SQL filter: only rows where it is true are tested, run as written
 */
public record DeclaredTest(
        Kind kind,
        ImmutableList<String> columns,
        ImmutableList<String> values,
        boolean quote,
        Optional<String> to,
        Optional<String> field,
        Optional<String> expression,
        Optional<String> where,
        Severity severity,
        Location location)
{
    public enum Kind
    {
        UNIQUE, NOT_NULL, ACCEPTED_VALUES, RELATIONSHIPS, EXPRESSION;

        /** The name written in YAML: {@code not_null}. */
        public String yamlName()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromYaml(String name)
        {
            return Arrays.stream(values()).filter(kind -> kind.yamlName().equals(name)).findFirst();
        }
    }

    /** An error-severity test that fails fails the command; a warn-severity one is reported and the command goes on. */
    public enum Severity
    {
        WARN, ERROR;

        public String yamlName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeclaredTest
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(values, "values is null");
        requireNonNull(to, "to is null");
        requireNonNull(field, "field is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(where, "where is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(location, "location is null");
    }

    /** The column a single-column test checks; empty for a model-level expression. */
    public Optional<String> column()
    {
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns.getFirst());
    }

    public DeclaredTest withField(String field)
    {
        return new DeclaredTest(kind, columns, values, quote, to, Optional.of(field), expression, where, severity, location);
    }
}
