package dev.vault.core.model;

/**
 * How a vault table is laid out in Iceberg: rows are bucketed by hash key and sorted by it, so
 * that the anti-joins of incremental loads read few files per key.
 */
public record TableLayout(int buckets)
{
    public static final int DEFAULT_BUCKETS = 16;

    public TableLayout
    {
        if (buckets < 1 || buckets > 4096) {
            throw new IllegalArgumentException("buckets must be between 1 and 4096: " + buckets);
        }
    }

    public static TableLayout defaults()
    {
        return new TableLayout(DEFAULT_BUCKETS);
    }
}
