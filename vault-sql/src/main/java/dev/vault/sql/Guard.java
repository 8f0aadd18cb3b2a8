package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.vault.core.model.TableName;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * What decides whether a derived table is up to date: a fingerprint of what it is built by (its
 * {@code definition}, the SQL) and from (the newest snapshot of every input table). The
 * fingerprint of the last successful build is kept in the comment of {@code recordedIn}; when it
 * equals the fingerprint of now, building again would give the same table, and the runner skips it.
 * Every query the check needs is here, compiled: the runner only runs them and compares.
 * <p>
 * A table whose content also depends on the time (a snapshot control table gains a row when a
 * day's snapshot time passes) has a {@code clock}: a query whose answer, part of the fingerprint,
 * changes exactly when a build would add something.
 */
public record Guard(String definition, ImmutableList<Input> inputs, Optional<String> clock, TableName recordedIn, String recordedQuery,
        ImmutableList<IncrementalSource> incremental, ImmutableList<TableName> incrementalWatch, ImmutableList<TableName> incrementalRecordMaps)
{
    /** Where a statement of a guarded model takes the fingerprint; the runner fills it in. */
    public static final String FINGERPRINT_SLOT = "${fingerprint}";
    /** The mark before the fingerprint in a table comment. */
    public static final String FINGERPRINT_MARK = "; vault fingerprint ";
    /**
     * The mark before the watermark a guard with {@link #incremental()} sources records after its
     * fingerprint: the definition's digest and the snapshot of every input the build read.
     */
    public static final String WATERMARK_MARK = "; vault read ";
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
        requireNonNull(clock, "clock is null");
        requireNonNull(recordedIn, "recordedIn is null");
        requireNonNull(recordedQuery, "recordedQuery is null");
        requireNonNull(incremental, "incremental is null");
        requireNonNull(incrementalWatch, "incrementalWatch is null");
        requireNonNull(incrementalRecordMaps, "incrementalRecordMaps is null");
    }

    public static Guard of(String definition, ImmutableList<TableName> inputs, TableName recordedIn)
    {
        return new Guard(definition,
                inputs.stream().map(input -> new Input(input, TrinoQueries.latestSnapshot(input))).collect(ImmutableList.toImmutableList()),
                Optional.empty(), recordedIn, TrinoQueries.tableComment(recordedIn), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
    }

    /** This guard with a clock query (see the class comment). */
    public Guard withClock(String clockQuery)
    {
        return new Guard(definition, inputs, Optional.of(clockQuery), recordedIn, recordedQuery, incremental, incrementalWatch, incrementalRecordMaps);
    }

    /**
     * This guard with stages its loads may read incrementally (see {@link IncrementalSource}), and
     * the other inputs whose rows the loads also read (an identity hub's same-as link, through its
     * resolved view): a change there means old staged rows may give new rows, so the load reads
     * in full. Other inputs (a satellite's hub) only order the build.
     */
    public Guard withIncremental(ImmutableList<IncrementalSource> sources, ImmutableList<TableName> watch)
    {
        return withIncremental(sources, watch, ImmutableList.of());
    }

    /**
     * As {@link #withIncremental(ImmutableList, ImmutableList)}, with identity hubs' record maps
     * ({@code <hub>_records}) the loads read persons through: the records such a map gained since
     * the last build must all have rows among those the load reads, or an older row that had no
     * person then has one now, and the load reads in full.
     */
    public Guard withIncremental(ImmutableList<IncrementalSource> sources, ImmutableList<TableName> watch, ImmutableList<TableName> recordMaps)
    {
        return new Guard(definition, inputs, clock, recordedIn, recordedQuery, sources, watch, recordMaps);
    }

    /** A short digest of the definition: a watermark is only good for the definition that wrote it. */
    public String definitionDigest()
    {
        return Hashing.sha256().hashString(definition, StandardCharsets.UTF_8).toString().substring(0, 16);
    }

    public ImmutableList<TableName> inputTables()
    {
        return inputs.stream().map(Input::table).collect(ImmutableList.toImmutableList());
    }

    /** The fingerprint given each input's snapshot id ({@link #NO_SNAPSHOT} when it has none), in input order. */
    public String fingerprint(Map<TableName, String> snapshots)
    {
        checkState(clock.isEmpty(), "the guard of %s has a clock: its fingerprint needs the clock's answer", recordedIn);
        return fingerprint(snapshots, Optional.empty());
    }

    /** The fingerprint given each input's snapshot id and, for a guard with a clock, the clock query's answer now. */
    public String fingerprint(Map<TableName, String> snapshots, Optional<String> clockAnswer)
    {
        checkArgument(clock.isPresent() == clockAnswer.isPresent(), "a clock answer goes with a clock, and only with one");
        Hasher fingerprint = Hashing.sha256().newHasher().putString(definition, StandardCharsets.UTF_8);
        for (Input input : inputs) {
            fingerprint.putString("\n" + input.table() + "=" + snapshots.getOrDefault(input.table(), NO_SNAPSHOT), StandardCharsets.UTF_8);
        }
        // absent for a guard without a clock, so those fingerprints are what they always were
        clockAnswer.ifPresent(answer -> fingerprint.putString("\nclock=" + answer, StandardCharsets.UTF_8));
        return fingerprint.hash().toString();
    }

    /** The fingerprint a table comment carries after {@link #FINGERPRINT_MARK}, if any. */
    public static Optional<String> recorded(String tableComment)
    {
        if (tableComment == null) {
            return Optional.empty();
        }
        int mark = tableComment.lastIndexOf(FINGERPRINT_MARK);
        if (mark < 0) {
            return Optional.empty();
        }
        String recorded = tableComment.substring(mark + FINGERPRINT_MARK.length());
        // a watermark may follow the fingerprint
        int watermark = recorded.indexOf(WATERMARK_MARK);
        return Optional.of(watermark < 0 ? recorded : recorded.substring(0, watermark));
    }

    /** The watermark a table comment carries after its fingerprint, if any (see {@link Watermark}). */
    public static Optional<Watermark> recordedWatermark(String tableComment)
    {
        if (tableComment == null) {
            return Optional.empty();
        }
        int mark = tableComment.lastIndexOf(WATERMARK_MARK);
        return mark < 0 ? Optional.empty() : Watermark.parse(tableComment.substring(mark + WATERMARK_MARK.length()));
    }

    /** A statement with its fingerprint slot filled in. */
    public static String fill(String sql, String fingerprint)
    {
        int slot = sql.indexOf(FINGERPRINT_SLOT);
        return slot < 0 ? sql : sql.substring(0, slot) + fingerprint + sql.substring(slot + FINGERPRINT_SLOT.length());
    }
}
