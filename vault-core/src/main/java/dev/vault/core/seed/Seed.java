package dev.vault.core.seed;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Location;
import dev.vault.core.model.Source;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rows of a source table as given by CSV files (all files named after the source, in path
 * order). Seeding replaces the table's content with exactly these rows.
 */
public record Seed(Source source, ImmutableList<Path> files, ImmutableList<Row> rows)
{
    public Seed
    {
        requireNonNull(source, "source is null");
        requireNonNull(files, "files is null");
        requireNonNull(rows, "rows is null");
    }

    /**
     * One CSV record; values are in the order of the source's columns, {@code null} for an empty field.
     */
    public record Row(Location location, ImmutableList<Optional<String>> values)
    {
        public Row
        {
            requireNonNull(location, "location is null");
            requireNonNull(values, "values is null");
        }
    }
}
