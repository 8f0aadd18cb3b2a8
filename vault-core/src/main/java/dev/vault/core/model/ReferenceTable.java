package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.project.LoadingSettings;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A reference table: codes and their descriptions (countries, lead statuses, currencies), keyed by
 * the natural code itself rather than a hash key, since other tables use the code as is. Its
 * history is kept like a satellite's: a row per code whenever the payload changes. The
 * {@code <name>_current} view gives each code's latest row. {@code conflicts} overrides the
 * project's {@code loading: conflicts:} for this table.
 */
public record ReferenceTable(
        String name,
        String description,
        ImmutableList<String> keys,
        ImmutableList<String> payload,
        ImmutableList<String> sources,
        Optional<LoadingSettings.Conflicts> conflicts,
        Location location)
        implements Model
{
    /** The hashdiff column the load computes over the payload. */
    public static final String HASHDIFF = "hashdiff";

    public ReferenceTable
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(conflicts, "conflicts is null");
        requireNonNull(location, "location is null");
    }

    public String currentView()
    {
        return name + "_current";
    }

    @Override
    public ImmutableList<String> auxiliaryTables()
    {
        return ImmutableList.of(currentView());
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.REFERENCE_TABLE;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.copyOf(sources);
    }
}
