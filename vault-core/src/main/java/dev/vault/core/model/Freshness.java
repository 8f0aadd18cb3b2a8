package dev.vault.core.model;

import java.time.Duration;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How old a source's newest data may be, as dbt's source freshness says it: past
 * {@code warn-after} it warns, past {@code error-after} it fails, so a scheduler can hold back a
 * run on stale bronze. The age is that of the table's newest Iceberg snapshot, or, with a
 * {@code loaded-at-field}, of the column's newest value (for tables rewritten in place, whose
 * snapshots say when the rewrite ran, not when the data arrived).
 */
public record Freshness(Optional<Duration> warnAfter, Optional<Duration> errorAfter, Optional<String> loadedAtField)
{
    public enum Status
    {
        PASS, WARN, ERROR
    }

    public Freshness
    {
        requireNonNull(warnAfter, "warnAfter is null");
        requireNonNull(errorAfter, "errorAfter is null");
        requireNonNull(loadedAtField, "loadedAtField is null");
        checkArgument(warnAfter.isPresent() || errorAfter.isPresent(), "freshness needs warn-after or error-after");
    }

    /** The status of data this old: error past error-after, else warn past warn-after, else pass. */
    public Status status(Duration age)
    {
        requireNonNull(age, "age is null");
        if (errorAfter.isPresent() && age.compareTo(errorAfter.get()) > 0) {
            return Status.ERROR;
        }
        if (warnAfter.isPresent() && age.compareTo(warnAfter.get()) > 0) {
            return Status.WARN;
        }
        return Status.PASS;
    }
}
