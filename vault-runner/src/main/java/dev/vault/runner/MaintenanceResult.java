package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.TableName;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code vault maintain} did to one table: the steps that ran (in order), and the table's
 * files and snapshots before and after them.
 *
 * @param steps the steps that completed, by their SQL names (optimize, expire_snapshots, ...)
 * @param error the failed step's error; the steps before it stay done
 */
public record MaintenanceResult(
        String model,
        ModelKind kind,
        TableName table,
        Status status,
        ImmutableList<String> steps,
        TableStatus before,
        TableStatus after,
        Duration duration,
        Optional<String> error)
{
    public enum Status
    {
        /** Every step of the policy ran. */
        MAINTAINED,
        /** The table does not exist yet; run the model first. */
        NOT_BUILT,
        /** A step failed; the table's data is as it was (maintenance never changes rows). */
        FAILED
    }

    public MaintenanceResult
    {
        requireNonNull(model, "model is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(table, "table is null");
        requireNonNull(status, "status is null");
        requireNonNull(steps, "steps is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(error, "error is null");
    }

    public boolean failed()
    {
        return status == Status.FAILED;
    }
}
