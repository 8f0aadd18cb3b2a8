package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/** A link's reference to a hub, stored in {@code column} (by default the hub's hash key name). */
public record ForeignKey(String hub, String column, Location location)
{
    public ForeignKey
    {
        requireNonNull(hub, "hub is null");
        requireNonNull(column, "column is null");
        requireNonNull(location, "location is null");
    }
}
