package dev.vault.core.project;

import static java.util.Objects.requireNonNull;

/**
 * The loading rules where the Data Vault packages differ (docs/loading-rules.md), with vault's
 * defaults:
 * <ul>
 * <li>{@code null-keys: zero-key}: a staged row whose business key is null or blank gets the zero
 *     key, the hub's "unknown" member, and is loaded and counted (datavault4dbt's rule);
 *     {@code reject} sets such rows aside in the stage's error table instead, with a reason, and
 *     loads the rest (AutomateDV drops them silently; vault never does).</li>
 * <li>{@code ghost-records: true}: every satellite holds one ghost row (zero key, the beginning of
 *     time, record source {@code SYSTEM}) so that point-in-time joins never lose a row.</li>
 * <li>{@code end-of-time}: the {@code load_end_datetime} of a current row in end-dated views,
 *     {@code 9999-12-31 23:59:59.999999 UTC} by default.</li>
 * </ul>
 */
public record LoadingSettings(NullKeys nullKeys, boolean ghostRecords, String endOfTime)
{
    public static final String DEFAULT_END_OF_TIME = "9999-12-31 23:59:59.999999 UTC";

    public enum NullKeys
    {
        ZERO_KEY, REJECT
    }

    public LoadingSettings
    {
        requireNonNull(nullKeys, "nullKeys is null");
        requireNonNull(endOfTime, "endOfTime is null");
    }

    public static LoadingSettings defaults()
    {
        return new LoadingSettings(NullKeys.ZERO_KEY, true, DEFAULT_END_OF_TIME);
    }
}
