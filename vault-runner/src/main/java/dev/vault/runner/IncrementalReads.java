package dev.vault.runner;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;
import dev.vault.sql.IncrementalSource;
import dev.vault.sql.SqlText;
import dev.vault.sql.Watermark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Decides, for a load with {@link Guard#incremental()} stages, whether it may read only the rows
 * its stages' sources gained since its last build, and gives the relations to read then.
 * <p>
 * It may when the table's comment holds a watermark written by the same definition, every other
 * input whose rows the load reads (an identity hub's record map, say) is at the snapshot the watermark names, and each source's
 * snapshots since the watermark's are appends (or compactions, which add no row). Otherwise the
 * load reads the views, every row, and the reason is told: a first build, a changed definition,
 * a changed input, an expired snapshot, a source rewritten by an overwrite or a delete.
 * <p>
 * Snapshots, not load times, are the watermark: a late row (an older load_datetime in a new
 * snapshot) is in the changes like any other, so nothing is skipped for its age.
 */
final class IncrementalReads
{
    /** Iceberg operations that only add rows (append) or only move them (replace: a compaction). */
    private static final Set<String> ADDING = Set.of("append", "replace");
    private static final String FIRST_BUILD = "first build";

    private IncrementalReads() {}

    /**
     * How a load reads its stages this time: with {@code relations} empty, the views; else each
     * view's relation in its place. {@code description} says which and why, for the log and the
     * run result.
     */
    record ReadPlan(ImmutableMap<TableName, String> relations, String description)
    {
        ReadPlan
        {
            requireNonNull(relations, "relations is null");
            requireNonNull(description, "description is null");
        }

        static ReadPlan full(String reason)
        {
            return new ReadPlan(ImmutableMap.of(), "read in full: " + reason);
        }

        boolean firstBuild()
        {
            return description.equals("read in full: " + FIRST_BUILD);
        }

        boolean incremental()
        {
            return !relations.isEmpty();
        }

        /** A statement of the load as this plan reads: unchanged for a full read. */
        String apply(String sql)
        {
            String read = sql;
            for (Map.Entry<TableName, String> relation : relations.entrySet()) {
                read = IncrementalSource.readInstead(read, relation.getKey(), relation.getValue());
            }
            return read;
        }
    }

    static ReadPlan decide(SqlExecutor executor, Guard guard, Map<TableName, String> snapshots, Optional<String> comment)
            throws SQLException
    {
        Optional<Watermark> watermark = comment.flatMap(Guard::recordedWatermark);
        if (watermark.isEmpty()) {
            return ReadPlan.full(comment.flatMap(Guard::recorded).isPresent() ? "no watermark from the last build" : FIRST_BUILD);
        }
        Watermark last = watermark.get();
        if (!last.definitionDigest().equals(guard.definitionDigest())) {
            return ReadPlan.full("the load's SQL changed since the last build");
        }
        for (TableName watched : guard.incrementalWatch()) {
            String now = snapshots.getOrDefault(watched, Guard.NO_SNAPSHOT);
            if (!last.snapshot(watched).equals(Optional.of(now))) {
                return ReadPlan.full(display(watched) + " changed since the last build");
            }
        }
        ImmutableMap.Builder<TableName, String> relations = ImmutableMap.builder();
        List<String> read = new ArrayList<>();
        Map<TableName, Map<Long, Snapshot>> lineages = new HashMap<>();
        for (IncrementalSource source : guard.incremental()) {
            Optional<String> from = last.snapshot(source.source());
            String to = snapshots.getOrDefault(source.source(), Guard.NO_SNAPSHOT);
            if (from.isEmpty() || from.get().equals(Guard.NO_SNAPSHOT) || to.equals(Guard.NO_SNAPSHOT)) {
                return ReadPlan.full(display(source.source()) + " had no snapshot at the last build");
            }
            if (from.get().equals(to)) {
                relations.put(source.view(), source.nothingAppended());
                continue;
            }
            long start = Long.parseLong(from.get());
            long end = Long.parseLong(to);
            Map<Long, Snapshot> lineage = lineages.get(source.source());
            if (lineage == null) {
                lineage = lineage(executor, source.source());
                lineages.put(source.source(), lineage);
            }
            if (!lineage.containsKey(start)) {
                return ReadPlan.full("snapshot %d of %s, read by the last build, has expired".formatted(start, display(source.source())));
            }
            int added = 0;
            Long current = end;
            while (current != null && current != start) {
                Snapshot snapshot = lineage.get(current);
                if (snapshot == null) {
                    break;
                }
                if (!ADDING.contains(snapshot.operation())) {
                    return ReadPlan.full("%s was rewritten since the last build (snapshot %d: %s)".formatted(display(source.source()), current, snapshot.operation()));
                }
                added++;
                current = snapshot.parent();
            }
            if (current == null || current != start) {
                return ReadPlan.full("snapshot %d of %s, read by the last build, is no ancestor of its current one (a rollback?)".formatted(start, display(source.source())));
            }
            relations.put(source.view(), source.appendedBetween(start, end));
            read.add("%d new snapshot%s of %s".formatted(added, added == 1 ? "" : "s", display(source.source())));
        }
        ImmutableMap<TableName, String> batch = relations.buildKeepingLast();
        for (TableName records : guard.incrementalRecordMaps()) {
            Optional<String> unread = recordsMappedOutsideTheBatch(executor, records, last.snapshot(records), snapshots.getOrDefault(records, Guard.NO_SNAPSHOT), batch.values());
            if (unread.isPresent()) {
                return ReadPlan.full(unread.get());
            }
        }
        return new ReadPlan(batch, read.isEmpty() ? "read incrementally: no source changed" : "read incrementally: " + String.join(", ", read));
    }

    /**
     * Why the load must read in full because of an identity hub's record map, if it must: a record
     * mapped since the last build whose rows are not all in the batch had no person when the load
     * last read its older rows (the hub had not seen them yet, as when rows arrived between the
     * hub's read and the load's), so those rows give new rows now.
     */
    private static Optional<String> recordsMappedOutsideTheBatch(SqlExecutor executor, TableName records, Optional<String> from, String to, Collection<String> batch)
            throws SQLException
    {
        if (from.isPresent() && from.get().equals(to)) {
            return Optional.empty();
        }
        if (from.isEmpty() || from.get().equals(Guard.NO_SNAPSHOT) || to.equals(Guard.NO_SNAPSHOT)) {
            return Optional.of(display(records) + " had no snapshot at the last build");
        }
        String rows = batch.stream().map(relation -> "SELECT \"identity_record\" FROM (\n" + relation.strip() + "\n)").collect(Collectors.joining("\nUNION ALL\n"));
        String query = """
                SELECT count(*)
                FROM TABLE(%s.system.table_changes(schema_name => %s, table_name => %s, start_snapshot_id => %s, end_snapshot_id => %s)) AS mapped
                WHERE mapped."_change_type" = 'insert'
                  AND NOT EXISTS (
                      SELECT 1
                      FROM (
                %s
                      ) AS batch
                      WHERE batch."identity_record" = mapped."identity_record")""".formatted(SqlText.identifier(records.catalog()), SqlText.literal(records.schema()),
                SqlText.literal(records.table()), Long.parseLong(from.get()), Long.parseLong(to), rows);
        long unread;
        try {
            unread = executor.queryValue(query).map(Long::parseLong).orElse(0L);
        }
        catch (SQLException e) {
            // a compaction of the map, an expired snapshot: whatever keeps the check from answering, reading in full is right
            return Optional.of("Trino could not read the changes of " + display(records) + " (" + firstLine(e.getMessage()) + ")");
        }
        return unread == 0 ? Optional.empty()
                : Optional.of("%d record%s of %s got a person from rows older than the last build".formatted(unread, unread == 1 ? "" : "s", display(records)));
    }

    static String firstLine(String message)
    {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** An Iceberg snapshot as its lineage needs it. */
    private record Snapshot(Long parent, String operation) {}

    /** Every snapshot of the table with its parent and operation: one metadata query per source and load. */
    private static Map<Long, Snapshot> lineage(SqlExecutor executor, TableName table)
            throws SQLException
    {
        Map<Long, Snapshot> lineage = new HashMap<>();
        for (List<Object> row : executor.query("SELECT snapshot_id, parent_id, operation FROM " + SqlText.metadataTable(table, "snapshots")).rows()) {
            Long parent = row.get(1) == null ? null : ((Number) row.get(1)).longValue();
            lineage.put(((Number) row.get(0)).longValue(), new Snapshot(parent, row.get(2) == null ? "" : row.get(2).toString().toLowerCase(Locale.ROOT)));
        }
        return lineage;
    }

    /**
     * Whether a failed statement failed because Trino cannot read the changes (delete files, an
     * expired snapshot after all): the load then reads in full. The failed statement wrote
     * nothing (a statement commits whole or not at all).
     */
    static boolean changesUnreadable(SQLException e)
    {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("table_changes") || message.contains("changelog") || message.contains("delete files")
                || message.contains("snapshot") && (message.contains("not found") || message.contains("ancestor") || message.contains("cannot find"));
    }

    private static String display(TableName table)
    {
        return table.schema() + "." + table.table();
    }
}
