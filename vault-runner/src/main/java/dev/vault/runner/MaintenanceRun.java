package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The result of one {@code vault maintain}: a result per table, in build order. */
public record MaintenanceRun(ImmutableList<MaintenanceResult> tables, Duration duration)
{
    public MaintenanceRun
    {
        requireNonNull(tables, "tables is null");
        requireNonNull(duration, "duration is null");
    }

    public boolean successful()
    {
        return tables.stream().noneMatch(MaintenanceResult::failed);
    }

    public long count(MaintenanceResult.Status status)
    {
        return tables.stream().filter(table -> table.status() == status).count();
    }
}
