package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/**
 * A satellite: the history of descriptive attributes (the payload) of a hub or link key. A row
 * is added only when the hashdiff of the payload differs from the key's previous row.
 * {@code childKeys} are dependent child keys: history is kept per parent key and child keys (for
 * a satellite of an identity hub, per person and source record).
 */
public record Satellite(
        String name,
        String description,
        String parent,
        String hashdiff,
        ImmutableList<String> payload,
        ImmutableList<String> childKeys,
        ImmutableList<String> sources,
        TableLayout layout,
        Location location)
        implements Model
{
    public Satellite
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(hashdiff, "hashdiff is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(childKeys, "childKeys is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.SATELLITE;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.<String>builder().add(parent).addAll(sources).build();
    }
}
