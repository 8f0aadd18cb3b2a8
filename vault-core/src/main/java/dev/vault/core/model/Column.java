package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/** A named, typed column; {@code type} is a Trino type as written in the model, e.g. {@code varchar}. */
public record Column(String name, String type, String description, Location location)
{
    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(location, "location is null");
    }
}
