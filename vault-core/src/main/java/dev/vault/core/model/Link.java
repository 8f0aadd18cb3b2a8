package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/** A link: the unique combinations of two or more hub keys, identified by its own hash key. */
public record Link(
        String name,
        String description,
        String hashKey,
        ImmutableList<ForeignKey> foreignKeys,
        ImmutableList<String> sources,
        TableLayout layout,
        Location location)
        implements Model
{
    public Link
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(foreignKeys, "foreignKeys is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.LINK;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.<String>builder()
                .addAll(sources)
                .addAll(foreignKeys.stream().map(ForeignKey::hub).iterator())
                .build();
    }
}
