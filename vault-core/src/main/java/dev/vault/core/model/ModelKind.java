package dev.vault.core.model;

/** The kinds of models, with the key that lists them in a model file. */
public enum ModelKind
{
    SOURCE("sources", "source", Layer.BRONZE),
    STAGE("stages", "stage", Layer.STAGING),
    REFERENCE_TABLE("reference-tables", "reference table", Layer.SILVER),
    HUB("hubs", "hub", Layer.SILVER),
    LINK("links", "link", Layer.SILVER),
    NON_HISTORIZED_LINK("non-historized-links", "non-historized link", Layer.SILVER),
    SATELLITE("satellites", "satellite", Layer.SILVER),
    MULTI_ACTIVE_SATELLITE("multi-active-satellites", "multi-active satellite", Layer.SILVER),
    EFFECTIVITY_SATELLITE("effectivity-satellites", "effectivity satellite", Layer.SILVER),
    RECORD_TRACKING_SATELLITE("record-tracking-satellites", "record-tracking satellite", Layer.SILVER),
    MART("marts", "mart", Layer.GOLD),
    // query assistance tables of the business vault, next to the raw vault they point into
    SNAPSHOT_CONTROL("snapshots", "snapshot control table", Layer.SILVER),
    PIT("pits", "point-in-time table", Layer.SILVER),
    BRIDGE("bridges", "bridge", Layer.SILVER);

    private final String fileKey;
    private final String displayName;
    private final Layer layer;

    ModelKind(String fileKey, String displayName, Layer layer)
    {
        this.fileKey = fileKey;
        this.displayName = displayName;
        this.layer = layer;
    }

    public String fileKey()
    {
        return fileKey;
    }

    public Layer layer()
    {
        return layer;
    }

    /** The words used in messages: "hub", "multi-active satellite". */
    public String displayName()
    {
        return displayName;
    }

    public boolean isSatellite()
    {
        return this == SATELLITE || this == MULTI_ACTIVE_SATELLITE || this == EFFECTIVITY_SATELLITE || this == RECORD_TRACKING_SATELLITE;
    }

    public boolean isLink()
    {
        return this == LINK || this == NON_HISTORIZED_LINK;
    }
}
