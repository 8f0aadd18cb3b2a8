package dev.vault.runner;

import dev.vault.core.model.Freshness;
import dev.vault.core.model.TableName;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How fresh one source is: when its bronze table last got data and how long ago that was.
 *
 * @param loadedAtField the column the age comes from; empty when it is the newest snapshot's
 * @param loadedAt when the newest data landed; empty when the table is missing or holds none
 * @param error why the age could not be told (no table, no rows, a failed query)
 */
public record SourceFreshness(
        String source,
        TableName table,
        Freshness criteria,
        Optional<String> loadedAtField,
        Status status,
        Optional<Instant> loadedAt,
        Optional<Duration> age,
        Optional<String> error)
{
    /** dbt's statuses: pass, warn, error (too old) and runtime error (the age could not be told). */
    public enum Status
    {
        PASS, WARN, ERROR, RUNTIME_ERROR;

        /** The name in sources.json and JSON events: pass, warn, error, runtime_error. */
        public String jsonName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SourceFreshness
    {
        requireNonNull(source, "source is null");
        requireNonNull(table, "table is null");
        requireNonNull(criteria, "criteria is null");
        requireNonNull(loadedAtField, "loadedAtField is null");
        requireNonNull(status, "status is null");
        requireNonNull(loadedAt, "loadedAt is null");
        requireNonNull(age, "age is null");
        requireNonNull(error, "error is null");
    }

    static SourceFreshness measured(String source, TableName table, Freshness criteria, Instant loadedAt, Instant now)
    {
        Duration age = Duration.between(loadedAt, now);
        Status status = switch (criteria.status(age)) {
            case PASS -> Status.PASS;
            case WARN -> Status.WARN;
            case ERROR -> Status.ERROR;
        };
        return new SourceFreshness(source, table, criteria, criteria.loadedAtField(), status, Optional.of(loadedAt), Optional.of(age), Optional.empty());
    }

    static SourceFreshness unknown(String source, TableName table, Freshness criteria, String error)
    {
        return new SourceFreshness(source, table, criteria, criteria.loadedAtField(), Status.RUNTIME_ERROR, Optional.empty(), Optional.empty(), Optional.of(error));
    }

    /** Stale past error-after, or of unknown age: a scheduler should not run on it. */
    public boolean failed()
    {
        return status == Status.ERROR || status == Status.RUNTIME_ERROR;
    }
}
