package dev.vault.core.project;

import dev.vault.core.model.DeclaredTest;

import java.util.Optional;

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
 * <li>{@code conflicts: set-aside}: staged rows with different payloads for one key at one load
 *     time (two systems exporting one customer in the same second) are recorded in
 *     {@code vault_rejected_rows} and left out of the satellite load, which loads the rest; a newer
 *     row for the key resolves the conflict. Bronze is insert-only, so failing instead
 *     ({@code fail}) stops the model on every later run until someone filters the stage.
 *     {@code conflicts-severity} is the severity of the built-in test that reports them.</li>
 * <li>{@code unknown-member-key}: the business key of the hub's unknown member, the zero-key row
 *     that stands for every null or blank key: null by default (so the row never depends on
 *     which bad value arrived first), or a value such as {@code '-1'} where a BI tool wants one.</li>
 * </ul>
 */
public record LoadingSettings(NullKeys nullKeys, boolean ghostRecords, String endOfTime, Conflicts conflicts, DeclaredTest.Severity conflictsSeverity, Optional<String> unknownMemberKey)
{
    public static final String DEFAULT_END_OF_TIME = "9999-12-31 23:59:59.999999 UTC";

    public enum NullKeys
    {
        ZERO_KEY, REJECT
    }

    /** What a load does with different payloads for one key at one load time. */
    public enum Conflicts
    {
        SET_ASIDE, FAIL
    }

    public LoadingSettings
    {
        requireNonNull(nullKeys, "nullKeys is null");
        requireNonNull(endOfTime, "endOfTime is null");
        requireNonNull(conflicts, "conflicts is null");
        requireNonNull(conflictsSeverity, "conflictsSeverity is null");
        requireNonNull(unknownMemberKey, "unknownMemberKey is null");
    }

    public static LoadingSettings defaults()
    {
        return new LoadingSettings(NullKeys.ZERO_KEY, true, DEFAULT_END_OF_TIME, Conflicts.SET_ASIDE, DeclaredTest.Severity.WARN, Optional.empty());
    }
}
