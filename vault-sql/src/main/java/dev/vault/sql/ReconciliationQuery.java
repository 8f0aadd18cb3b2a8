package dev.vault.sql;

import static java.util.Objects.requireNonNull;

/**
 * The query that accounts for every row of one stage in one model: it returns one row of
 * {@code bronze_rows}, {@code loaded_rows} (their key is in the model's table) and
 * {@code rejected_rows} (set aside with a reason).
 */
public record ReconciliationQuery(String model, String stage, String sql)
{
    public ReconciliationQuery
    {
        requireNonNull(model, "model is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(sql, "sql is null");
    }
}
