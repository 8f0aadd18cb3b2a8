package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/**
 * A point-in-time table: for every key of {@code parent} (a hub or a link) and every snapshot of
 * {@code snapshots} at or after the key was first loaded, the key and load_datetime of the row of
 * each satellite that was current at that snapshot, or of the satellite's ghost record when the
 * key had no row yet. Joins from a PIT to its satellites are equi-joins that never lose a row.
 */
public record Pit(
        String name,
        String description,
        String parent,
        ImmutableList<String> satellites,
        String snapshots,
        TableLayout layout,
        Location location)
        implements Model
{
    public Pit
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(satellites, "satellites is null");
        requireNonNull(snapshots, "snapshots is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
    }

    /** The PIT column holding the key of {@code satellite}'s current row. */
    public static String keyColumn(String satellite)
    {
        return satellite + "_key";
    }

    /** The PIT column holding the load_datetime of {@code satellite}'s current row. */
    public static String loadDatetimeColumn(String satellite)
    {
        return satellite + "_" + StandardColumns.LOAD_DATETIME;
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.PIT;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.<String>builder().add(parent).addAll(satellites).add(snapshots).build();
    }
}
