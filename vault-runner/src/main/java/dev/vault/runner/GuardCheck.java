package dev.vault.runner;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Whether a guarded model is up to date: the fingerprint of its definition and of its inputs'
 * snapshots now, against the one its table's comment holds from its last complete build. A run
 * ({@link PlanExecutor}) and a plan ({@link PlanOperation}) decide it here, so a plan says skip
 * exactly when the run would.
 */
final class GuardCheck
{
    private final SqlExecutor executor;
    private final RunMetadata metadata;

    GuardCheck(SqlExecutor executor, RunMetadata metadata)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /**
     * What a guard found: the fingerprint of now and the one recorded by the last build, if any.
     */
    record Decision(String fingerprint, Optional<String> recorded, ImmutableMap<TableName, String> snapshots, Optional<String> comment)
    {
        Decision
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(recorded, "recorded is null");
            requireNonNull(snapshots, "snapshots is null");
            requireNonNull(comment, "comment is null");
        }

        /** Building again would give the same table: same definition, no input with a new snapshot. */
        boolean upToDate()
        {
            return recorded.equals(Optional.of(fingerprint));
        }
    }

    Decision decide(Guard guard)
            throws SQLException
    {
        Map<TableName, String> snapshots = snapshots(guard);
        String fingerprint = guard.fingerprint(snapshots, clock(guard));
        Optional<String> comment = metadata.comment(executor, guard.recordedIn(), guard.recordedQuery());
        return new Decision(fingerprint, comment.flatMap(Guard::recorded), ImmutableMap.copyOf(snapshots), comment);
    }

    /** The fingerprint of the guard's definition and of its inputs' snapshots now. */
    String fingerprint(Guard guard)
            throws SQLException
    {
        return guard.fingerprint(snapshots(guard), clock(guard));
    }

    private Map<TableName, String> snapshots(Guard guard)
            throws SQLException
    {
        Map<TableName, String> snapshots = new HashMap<>();
        for (Guard.Input input : guard.inputs()) {
            snapshots.put(input.table(), metadata.latestSnapshot(executor, input.table(), input.snapshotQuery()).orElse(Guard.NO_SNAPSHOT));
        }
        return snapshots;
    }

    private Optional<String> clock(Guard guard)
            throws SQLException
    {
        if (guard.clock().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(executor.queryValue(guard.clock().get()).orElse(Guard.NO_SNAPSHOT));
    }
}
