package dev.vault.runner;

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
    record Decision(String fingerprint, Optional<String> recorded)
    {
        Decision
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(recorded, "recorded is null");
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
        String fingerprint = fingerprint(guard);
        return new Decision(fingerprint, recorded(guard));
    }

    /** The fingerprint of the guard's definition and of its inputs' snapshots now. */
    String fingerprint(Guard guard)
            throws SQLException
    {
        Map<TableName, String> snapshots = new HashMap<>();
        for (Guard.Input input : guard.inputs()) {
            snapshots.put(input.table(), metadata.latestSnapshot(executor, input.table(), input.snapshotQuery()).orElse(Guard.NO_SNAPSHOT));
        }
        Optional<String> clock = Optional.empty();
        if (guard.clock().isPresent()) {
            clock = Optional.of(executor.queryValue(guard.clock().get()).orElse(Guard.NO_SNAPSHOT));
        }
        return guard.fingerprint(snapshots, clock);
    }

    /** The fingerprint the guarded table's comment holds from its last build. */
    private Optional<String> recorded(Guard guard)
            throws SQLException
    {
        return metadata.comment(executor, guard.recordedIn(), guard.recordedQuery()).flatMap(Guard::recorded);
    }
}
