package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import static java.util.Objects.requireNonNull;

/**
 * A hub: the unique business keys of one concept, loaded from one or more stages. An identity hub
 * ({@code identity: true}) has no business key of its own: its keys are persons resolved from
 * the stages' identity keys, each identified by the record that founded it.
 */
public record Hub(
        String name,
        String description,
        String hashKey,
        ImmutableList<String> businessKeys,
        ImmutableList<String> sources,
        TableLayout layout,
        boolean identity,
        Location location)
        implements Model
{
    /** The business key column of an identity hub: the identity record that founded the person. */
    public static final String FOUNDING_RECORD = "founding_record";

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

    /**
     * The tables and views an identity hub writes besides itself, which marts may read with
     * {@code {{ ref('...') }}}; empty for other hubs.
     */
    @Override
    public ImmutableList<String> auxiliaryTables()
    {
        return identity ? ImmutableList.of(recordsTable(), sameAsTable(), junkKeysTable(), keysTable(), resolvedView()) : ImmutableList.of();
    }

    /** The record to person map of an identity hub. */
    public String recordsTable()
    {
        return name + "_records";
    }

    /** The same-as link of an identity hub: merges of persons, the surviving one first. */
    public String sameAsTable()
    {
        return "sal_" + (name.startsWith("hub_") ? name.substring(4) : name);
    }

    /** Key values of an identity hub left out of matching because too many records share them. */
    public String junkKeysTable()
    {
        return name + "_junk_keys";
    }

    /**
     * Every key value of every record an identity hub has resolved, kept so that a run resolves
     * only the persons its new records touch.
     */
    public String keysTable()
    {
        return name + "_keys";
    }

    /** Every version of the parts an identity hub's comparisons compare, per record (only with comparisons). */
    public String comparedPartsTable()
    {
        return name + "_compared_parts";
    }

    /** The current person of every mapped record, merges applied. */
    public String resolvedView()
    {
        return name + "_resolved";
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
