package dev.vault.core.model;

import com.google.common.collect.ImmutableSet;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot control table (datavault4dbt's {@code control_snap}): one row per day from
 * {@code start} to {@code end} (today when absent) at {@code time} UTC, the snapshot times that
 * point-in-time tables and bridges are built for. A day's snapshot appears once its time has
 * passed, and rows are never changed: the table is insert-only like the rest of the vault.
 */
public record SnapshotControl(
        String name,
        String description,
        LocalDate start,
        Optional<LocalDate> end,
        LocalTime time,
        Location location)
        implements Model
{
    public static final String SNAPSHOT_DATETIME = "snapshot_datetime";
    public static final String SNAPSHOT_DATE = "snapshot_date";

    public SnapshotControl
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(time, "time is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.SNAPSHOT_CONTROL;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.of();
    }
}
