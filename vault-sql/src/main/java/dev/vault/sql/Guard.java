package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.vault.core.model.TableName;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What decides whether a derived table is up to date: a fingerprint of what it is built by (its
 * {@code definition}, the SQL) and from (the newest snapshot of every input table). The
 * fingerprint of the last successful build is kept in the comment of {@code recordedIn}; when it
 * equals the fingerprint of now, building again would give the same table, and the runner skips it.
 * Every query the check needs is here, compiled: the runner only runs them and compares.
 */
public record Guard(String definition, ImmutableList<Input> inputs, TableName recordedIn, String recordedQuery)
{
    /** Where a statement of a guarded model takes the fingerprint; the runner fills it in. */
    public static final String FINGERPRINT_SLOT = "${fingerprint}";
    /** The mark before the fingerprint in a table comment. */
    public static final String FINGERPRINT_MARK = "; vault fingerprint ";
    /** What an input without any snapshot counts as. */
    public static final String NO_SNAPSHOT = "none";

    /** An input table and the query of its newest data-changing snapshot id (no row when it has none). */
    public record Input(TableName table, String snapshotQuery)
    {
        public Input
        {
            requireNonNull(table, "table is null");
            requireNonNull(snapshotQuery, "snapshotQuery is null");
        }
    }

    public Guard
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(recordedIn, "recordedIn is null");
        requireNonNull(recordedQuery, "recordedQuery is null");
    }

    public static Guard of(String definition, ImmutableList<TableName> inputs, TableName recordedIn)
    {
        return new Guard(definition,
                inputs.stream().map(input -> new Input(input, TrinoQueries.latestSnapshot(input))).collect(ImmutableList.toImmutableList()),
                recordedIn, TrinoQueries.tableComment(recordedIn));
    }

    public ImmutableList<TableName> inputTables()
    {
        return inputs.stream().map(Input::table).collect(ImmutableList.toImmutableList());
    }

    /** The fingerprint given each input's snapshot id ({@link #NO_SNAPSHOT} when it has none), in input order. */
    public String fingerprint(Map<TableName, String> snapshots)
    {
        Hasher fingerprint = Hashing.sha256().newHasher().putString(definition, StandardCharsets.UTF_8);
        for (Input input : inputs) {
            fingerprint.putString("\n" + input.table() + "=" + snapshots.getOrDefault(input.table(), NO_SNAPSHOT), StandardCharsets.UTF_8);
        }
        return fingerprint.hash().toString();
    }

    /** The fingerprint a table comment carries after {@link #FINGERPRINT_MARK}, if any. */
    public static Optional<String> recorded(String tableComment)
    {
        if (tableComment == null) {
            return Optional.empty();
        }
        int mark = tableComment.lastIndexOf(FINGERPRINT_MARK);
        return mark < 0 ? Optional.empty() : Optional.of(tableComment.substring(mark + FINGERPRINT_MARK.length()));
    }

    /** A statement with its fingerprint slot filled in. */
    public static String fill(String sql, String fingerprint)
    {
        int slot = sql.indexOf(FINGERPRINT_SLOT);
        return slot < 0 ? sql : sql.substring(0, slot) + fingerprint + sql.substring(slot + FINGERPRINT_SLOT.length());
    }
}
