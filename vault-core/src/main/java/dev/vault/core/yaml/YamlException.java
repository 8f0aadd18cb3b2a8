package dev.vault.core.yaml;

import dev.vault.core.model.Location;

import static java.util.Objects.requireNonNull;

/** A YAML file that cannot be read as a document; the project loader turns it into a reported problem. */
public final class YamlException
        extends RuntimeException
{
    private final Location location;

    public YamlException(Location location, String message)
    {
        super(message);
        this.location = requireNonNull(location, "location is null");
    }

    public Location location()
    {
        return location;
    }
}
