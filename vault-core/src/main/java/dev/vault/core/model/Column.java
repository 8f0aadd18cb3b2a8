package dev.vault.core.model;

import static java.util.Objects.requireNonNull;

/** A named, typed column; {@code type} is a type of the project's SQL dialect, as written in the model and normalized by it. */
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
