package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.project.LoadingSettings;

import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A satellite of a hub or link key, one of four kinds (docs/entity-kinds.md):
 * <ul>
 * <li>{@link ModelKind#SATELLITE}: the history of a payload; a row is added when the hashdiff
 *     differs from the key's previous row. {@code childKeys} are dependent child keys: history
 *     is kept per parent key and child keys (for a satellite of an identity hub, per person and
 *     source record).</li>
 * <li>{@link ModelKind#MULTI_ACTIVE_SATELLITE}: several rows are active at once per parent key,
 *     told apart by {@code multiActiveKeys}; a key's whole set is inserted again when any row of
 *     it changes, appears or goes.</li>
 * <li>{@link ModelKind#EFFECTIVITY_SATELLITE}: for a link, which of the links of each driving key
 *     (some of the link's hub keys) is in effect: an {@code is_active} row when a link starts or
 *     stops being the driving key's current one.</li>
 * <li>{@link ModelKind#RECORD_TRACKING_SATELLITE}: whether a key is present in its sources' full
 *     extracts: an {@code is_present} row when a key appears, or goes missing from an extract.</li>
 * </ul>
 * {@code conflicts} overrides the project's {@code loading: conflicts:} for this satellite.
 * {@code views} adds the {@code <name>_end_dated} and {@code <name>_current} views.
 */
public record Satellite(
        String name,
        String description,
        ModelKind kind,
        String parent,
        String hashdiff,
        ImmutableList<String> payload,
        ImmutableList<String> childKeys,
        ImmutableList<String> multiActiveKeys,
        ImmutableList<String> drivingKeys,
        ImmutableList<String> sources,
        boolean views,
        TableLayout layout,
        Optional<LoadingSettings.Conflicts> conflicts,
        Location location)
        implements Model
{
    /** The status column of effectivity satellites. */
    public static final String IS_ACTIVE = "is_active";
    /** The status column of record-tracking satellites. */
    public static final String IS_PRESENT = "is_present";

    public Satellite
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(kind, "kind is null");
        checkArgument(kind.isSatellite(), "not a satellite kind: %s", kind);
        requireNonNull(parent, "parent is null");
        requireNonNull(hashdiff, "hashdiff is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(childKeys, "childKeys is null");
        requireNonNull(multiActiveKeys, "multiActiveKeys is null");
        requireNonNull(drivingKeys, "drivingKeys is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(conflicts, "conflicts is null");
        requireNonNull(location, "location is null");
    }

    /** Whether rows carry a payload and its hashdiff (not so for status-tracking kinds). */
    public boolean hasPayload()
    {
        return kind == ModelKind.SATELLITE || kind == ModelKind.MULTI_ACTIVE_SATELLITE;
    }

    public Satellite withResolved(ImmutableList<String> payload, ImmutableList<String> childKeys)
    {
        return new Satellite(name, description, kind, parent, hashdiff, payload, childKeys, multiActiveKeys, drivingKeys, sources, views, layout, conflicts, location);
    }

    public String endDatedView()
    {
        return name + "_end_dated";
    }

    public String currentView()
    {
        return name + "_current";
    }

    @Override
    public ImmutableList<String> auxiliaryTables()
    {
        return views ? ImmutableList.of(endDatedView(), currentView()) : ImmutableList.of();
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.<String>builder().add(parent).addAll(sources).build();
    }
}
