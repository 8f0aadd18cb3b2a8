package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/**
 * A bridge: from {@code hub}, along a {@code path} of links (each sharing a hub with the hub or
 * the links before it), the link keys and hub keys that existed at every snapshot of
 * {@code snapshots}. Links are insert-only, so a combination exists at a snapshot when it was
 * loaded at or before it.
 */
public record Bridge(
        String name,
        String description,
        String hub,
        ImmutableList<String> path,
        String snapshots,
        TableLayout layout,
        Location location)
        implements Model
{
    public Bridge
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(hub, "hub is null");
        requireNonNull(path, "path is null");
        requireNonNull(snapshots, "snapshots is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.BRIDGE;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.<String>builder().add(hub).addAll(path).add(snapshots).build();
    }
}
