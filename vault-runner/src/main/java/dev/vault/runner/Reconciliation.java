package dev.vault.runner;

import static java.util.Objects.requireNonNull;

/**
 * Where the rows of one stage went in one model: every bronze row is loaded (its key is in the
 * model's table) or set aside with a reason (null-keys: reject); {@link #unaccounted()} rows are
 * neither, which is a bug or a table changed by hand.
 */
public record Reconciliation(String model, String stage, long bronzeRows, long loadedRows, long rejectedRows)
{
    public Reconciliation
    {
        requireNonNull(model, "model is null");
        requireNonNull(stage, "stage is null");
    }

    public long unaccounted()
    {
        return bronzeRows - loadedRows - rejectedRows;
    }
}
