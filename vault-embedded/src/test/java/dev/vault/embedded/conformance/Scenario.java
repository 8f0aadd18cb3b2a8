package dev.vault.embedded.conformance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Location;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One conformance scenario: batches of bronze rows that land one after another, and the exact
 * rows the target tables must hold afterwards. Read from a YAML file by {@link ScenarioReader}.
 *
 * @param id the prefix of every business key the scenario uses (its rows in shared tables are the ones whose scope column starts with it)
 * @param zeroKey whether the rows with the zero key belong to this scenario (at most one scenario of a kind may say so)
 */
record Scenario(String id, String name, String description, boolean zeroKey, ImmutableList<Batch> batches, Optional<Expectation> expect, Location location)
{
    Scenario
    {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(batches, "batches is null");
        requireNonNull(expect, "expect is null");
        requireNonNull(location, "location is null");
    }

    String displayName()
    {
        return id + " " + name;
    }

    Optional<Batch> failingBatch()
    {
        return batches.stream().filter(batch -> batch.fails().isPresent()).findFirst();
    }

    /**
     * A batch of rows per source table. {@code run} numbers the vault runs of the scenario: a
     * batch marked {@code same-run: true} lands together with the previous one, before one run.
     */
    record Batch(int number, int run, ImmutableListMultimap<String, Row> rows, Optional<Failure> fails, Optional<Expectation> expect, Location location)
    {
        Batch
        {
            requireNonNull(rows, "rows is null");
            requireNonNull(fails, "fails is null");
            requireNonNull(expect, "expect is null");
            requireNonNull(location, "location is null");
        }
    }

    /** Column values as written; a null value is SQL NULL. */
    record Row(Map<String, String> values, Location location)
    {
        Row
        {
            requireNonNull(values, "values is null");
            requireNonNull(location, "location is null");
        }
    }

    /** The run of a batch must fail in {@code model} with an error containing {@code message}. */
    record Failure(String model, String message, Location location)
    {
        Failure
        {
            requireNonNull(model, "model is null");
            requireNonNull(message, "message is null");
            requireNonNull(location, "location is null");
        }
    }

    /** The exact rows of some checked tables, in their scenario's scope. */
    record Expectation(ImmutableMap<String, ExpectedTable> tables, Location location)
    {
        Expectation
        {
            requireNonNull(tables, "tables is null");
            requireNonNull(location, "location is null");
        }
    }

    /** {@code columns} are the columns compared: those the expected rows name (all columns when no row is expected). */
    record ExpectedTable(String table, ImmutableList<String> columns, ImmutableList<Row> rows, Location location)
    {
        ExpectedTable
        {
            requireNonNull(table, "table is null");
            requireNonNull(columns, "columns is null");
            requireNonNull(rows, "rows is null");
            requireNonNull(location, "location is null");
        }
    }
}
