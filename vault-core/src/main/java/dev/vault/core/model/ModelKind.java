package dev.vault.core.model;

import java.util.Locale;

/** The kinds of models, with the key that lists them in a model file. */
public enum ModelKind
{
    SOURCE("sources", Layer.BRONZE),
    STAGE("stages", Layer.STAGING),
    HUB("hubs", Layer.SILVER),
    LINK("links", Layer.SILVER),
    SATELLITE("satellites", Layer.SILVER),
    MART("marts", Layer.GOLD),
    // query assistance tables of the business vault, next to the raw vault they point into
    SNAPSHOT_CONTROL("snapshots", Layer.SILVER),
    PIT("pits", Layer.SILVER),
    BRIDGE("bridges", Layer.SILVER);

    private final String fileKey;
    private final Layer layer;

    ModelKind(String fileKey, Layer layer)
    {
        this.fileKey = fileKey;
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

    /** The word used in messages: "hub", "satellite". */
    public String displayName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
