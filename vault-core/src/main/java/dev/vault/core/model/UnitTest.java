package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A unit test on fixtures ({@code tests/*.yml}, like dbt's unit tests): rows given for sources or
 * stages, and the exact rows one model must then hold, compared on the columns the expected rows
 * name, in any order.
 *
 * @param given the input rows, by source or stage; every other source the model reads is empty
 * @param expected the rows the model must hold, no more and no fewer
 */
public record UnitTest(String name, String model, ImmutableList<Given> given, ImmutableList<Row> expected, Location location)
{
    public UnitTest
    {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(given, "given is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(location, "location is null");
    }

    /** The columns the comparison looks at: every column an expected row names, in the order first written. */
    public ImmutableList<String> expectedColumns()
    {
        Set<String> columns = new LinkedHashSet<>();
        expected.forEach(row -> columns.addAll(row.cells().keySet()));
        return ImmutableList.copyOf(columns);
    }

    /** The models given rows. */
    public ImmutableSet<String> givenModels()
    {
        return given.stream().map(Given::model).collect(ImmutableSet.toImmutableSet());
    }

    /** Rows given for one source or stage. */
    public record Given(String model, ModelKind kind, ImmutableList<Row> rows, Location location)
    {
        public Given
        {
            requireNonNull(model, "model is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(rows, "rows is null");
            requireNonNull(location, "location is null");
        }
    }

    /** A row: values by column, in the order written. */
    public record Row(ImmutableMap<String, Cell> cells, Location location)
    {
        public Row
        {
            requireNonNull(cells, "cells is null");
            requireNonNull(location, "location is null");
        }

        /** The value of a column; empty when the row does not name the column or gives it null. */
        public Optional<String> value(String column)
        {
            Cell cell = cells.get(column);
            return cell == null ? Optional.empty() : cell.value();
        }
    }

    /**
     * A value as written and as compared: {@code hash(...)} and the other helpers evaluated.
     *
     * @param value empty for null
     * @param columnLocation where the column is named
     * @param location where the value is written
     */
    public record Cell(String written, Optional<String> value, Location columnLocation, Location location)
    {
        public Cell
        {
            requireNonNull(value, "value is null");
            requireNonNull(columnLocation, "columnLocation is null");
            requireNonNull(location, "location is null");
        }
    }
}
