package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/** A hub: the unique business keys of one concept, loaded from one or more stages. */
public record Hub(
        String name,
        String description,
        String hashKey,
        ImmutableList<String> businessKeys,
        ImmutableList<String> sources,
        TableLayout layout,
        Location location)
        implements Model
{
    public Hub
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(businessKeys, "businessKeys is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.HUB;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.copyOf(sources);
    }
}
