package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * One named model of a project: a bronze source, a staging view, a hub, a link, a satellite or
 * a gold mart. Model names are unique within a project and become table or view names.
 */
public sealed interface Model
        permits Source, Stage, ReferenceTable, Hub, Link, Satellite, Mart,
        SnapshotControl, Pit, Bridge
{
    String name();

    String description();

    /** Where the model is defined: the position of its {@code name:} in its file. */
    Location location();

    ModelKind kind();

    /**
     * The tables and views this model writes besides its own table, which marts may read with
     * {@code {{ ref('...') }}}: an identity hub's records map, a satellite's current view.
     */
    default ImmutableList<String> auxiliaryTables()
    {
        return ImmutableList.of();
    }

    /** Names of the models this one reads from; the edges of the project's DAG. */
    ImmutableSet<String> dependencies();
}
