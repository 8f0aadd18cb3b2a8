package dev.vault.core.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/**
 * A link: the unique combinations of two or more hub keys, identified by its own hash key. A
 * {@link ModelKind#NON_HISTORIZED_LINK} (transaction link) also stores a payload that never
 * changes (an event: an order line, a click); its hash key hashes the hubs' business keys and the
 * event's own key, so every event is one row. A link to one hub twice, under two column names,
 * is a same-as link.
 */
public record Link(
        String name,
        String description,
        ModelKind kind,
        String hashKey,
        ImmutableList<ForeignKey> foreignKeys,
        ImmutableList<String> payload,
        ImmutableList<String> sources,
        TableLayout layout,
        Location location)
        implements Model
{
    public Link
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(kind, "kind is null");
        Preconditions.checkArgument(kind.isLink(), "not a link kind: %s", kind);
        requireNonNull(payload, "payload is null");
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(foreignKeys, "foreignKeys is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
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
