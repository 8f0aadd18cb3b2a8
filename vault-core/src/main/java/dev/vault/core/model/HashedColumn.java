package dev.vault.core.model;

import com.google.common.collect.ImmutableList;

import static java.util.Objects.requireNonNull;

/**
 * A staging column holding a hash of other staged columns: a hash key over business keys
 * (order matters, values normalized per the project's hashing settings), or a hashdiff over a
 * satellite's payload (order does not matter, nulls do not count; see HashingSettings).
 */
public record HashedColumn(String name, Kind kind, ImmutableList<String> columns, Location location)
{
    public enum Kind
    {
        HASH_KEY, HASHDIFF
    }

    public HashedColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(location, "location is null");
    }
}
