package dev.vault.core.load;

import dev.vault.core.model.Location;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where each value of each model was written, so that a reference checked after all files are
 * read (a column, a hub, a stage) is reported at its own line rather than at its model's.
 */
final class LocationIndex
{
    private record Key(String model, String field, String value) {}

    private final Map<Key, Location> locations = new HashMap<>();

    void put(String model, String field, String value, Location location)
    {
        locations.putIfAbsent(new Key(model, field, value), requireNonNull(location, "location is null"));
    }

    Location get(String model, String field, String value, Location fallback)
    {
        return locations.getOrDefault(new Key(model, field, value), fallback);
    }
}
