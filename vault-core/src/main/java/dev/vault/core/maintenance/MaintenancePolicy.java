package dev.vault.core.maintenance;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What {@code vault maintain} does to one Iceberg table, in this order: compact small data files
 * ({@code optimize}), rewrite manifests, expire old snapshots, remove orphan files, collect
 * statistics ({@code ANALYZE}). An absent step is not run. The project default comes from the
 * {@code maintenance:} block of vault.yml; a model's own {@code maintenance:} block overrides it
 * key by key.
 */
public record MaintenancePolicy(
        Optional<Optimize> optimize,
        boolean optimizeManifests,
        Optional<ExpireSnapshots> expireSnapshots,
        Optional<RemoveOrphanFiles> removeOrphanFiles,
        boolean analyze)
{
    /** Trino's own defaults for the procedures, and statistics on. */
    public static final MaintenancePolicy DEFAULT = new MaintenancePolicy(
            Optional.of(new Optimize(DataSize.ofMegabytes(100))),
            true,
            Optional.of(new ExpireSnapshots(Duration.ofDays(7), OptionalInt.empty())),
            Optional.of(new RemoveOrphanFiles(Duration.ofDays(7))),
            true);

    public MaintenancePolicy
    {
        requireNonNull(optimize, "optimize is null");
        requireNonNull(expireSnapshots, "expireSnapshots is null");
        requireNonNull(removeOrphanFiles, "removeOrphanFiles is null");
    }

    public boolean isEmpty()
    {
        return optimize.isEmpty() && !optimizeManifests && expireSnapshots.isEmpty() && removeOrphanFiles.isEmpty() && !analyze;
    }

    /** Rewrites data files smaller than the threshold into bigger ones. */
    public record Optimize(DataSize fileSizeThreshold)
    {
        public Optimize
        {
            requireNonNull(fileSizeThreshold, "fileSizeThreshold is null");
        }
    }

    /**
     * Removes snapshots older than {@code olderThan}, except the {@code keepLast} newest (Iceberg's
     * retain-last: they stay whatever their age). The current snapshot always stays.
     */
    public record ExpireSnapshots(Duration olderThan, OptionalInt keepLast)
    {
        public ExpireSnapshots
        {
            requireNonNull(olderThan, "olderThan is null");
            requireNonNull(keepLast, "keepLast is null");
            checkArgument(keepLast.isEmpty() || keepLast.getAsInt() >= 1, "keepLast must be at least 1");
        }
    }

    /** Deletes files in the table's location that no snapshot references and are older than {@code olderThan}. */
    public record RemoveOrphanFiles(Duration olderThan)
    {
        public RemoveOrphanFiles
        {
            requireNonNull(olderThan, "olderThan is null");
        }
    }
}
