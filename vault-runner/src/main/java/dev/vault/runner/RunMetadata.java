package dev.vault.runner;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.Step;
import dev.vault.sql.TrinoQueries;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * What a run knows of the tables it reads and writes, read in two queries at its start instead
 * of several per model: which tables and views exist, their comments (where fingerprints live)
 * and the newest data-changing snapshot of every table a guard reads or a model writes. The
 * run's own writes keep it true: a statement that changes a table's data drops what is known
 * of its snapshot (the next question goes to the engine), and a load's committed snapshot,
 * read anyway for the run result, takes its place.
 * <p>
 * A run holds the project's lock, so only the run itself writes its models' tables. Sources can
 * receive rows while the run goes on; a source snapshot read at the start is then older than
 * the data a load reads, so the fingerprint recorded is older than the table: the next run
 * loads again, which inserts nothing twice (loads are insert-only and idempotent). The cache
 * never makes a table look up to date that is not.
 */
final class RunMetadata
{
    /** A table's newest snapshot: its id, or none. */
    private static final Optional<String> NO_SNAPSHOT = Optional.empty();

    /** Whether the metadata was read; when not, every question goes to the engine. */
    private final boolean read;
    private final ImmutableSet<String> relations;
    private final ImmutableMap<String, Optional<String>> comments;
    private final Map<String, Optional<String>> snapshots;
    /** Tables created by this run: known to exist, with no comment of a past build. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    /** Tables whose comment this run rewrote: asked of the engine again. */
    private final Set<String> commented = ConcurrentHashMap.newKeySet();

    private RunMetadata(boolean read, ImmutableSet<String> relations, ImmutableMap<String, Optional<String>> comments, Map<String, Optional<String>> snapshots)
    {
        this.read = read;
        this.relations = requireNonNull(relations, "relations is null");
        this.comments = requireNonNull(comments, "comments is null");
        this.snapshots = new ConcurrentHashMap<>(requireNonNull(snapshots, "snapshots is null"));
    }

    /** Knows nothing: every question goes to the engine (a seed, or a caller without a run). */
    static RunMetadata none()
    {
        return new RunMetadata(false, ImmutableSet.of(), ImmutableMap.of(), Map.of());
    }

    /** Reads the metadata of every schema the plan touches: one query per catalog, and one for all snapshots. */
    static RunMetadata read(SqlExecutor executor, Plan plan)
            throws SQLException
    {
        Map<String, Set<String>> schemasByCatalog = new HashMap<>();
        Set<TableName> interesting = new LinkedHashSet<>();
        for (ModelPlan model : plan.models().values()) {
            schemasByCatalog.computeIfAbsent(model.target().catalog(), ignored -> new TreeSet<>()).add(model.target().schema());
            interesting.add(model.target());
            for (Step step : model.steps()) {
                if (step instanceof Step.SkipWhenUnchanged(Guard guard)) {
                    for (Guard.Input input : guard.inputs()) {
                        schemasByCatalog.computeIfAbsent(input.table().catalog(), ignored -> new TreeSet<>()).add(input.table().schema());
                        interesting.add(input.table());
                    }
                }
            }
        }
        ImmutableSet.Builder<String> relations = ImmutableSet.builder();
        Set<String> tables = new HashSet<>();
        ImmutableMap.Builder<String, Optional<String>> comments = ImmutableMap.builder();
        for (Map.Entry<String, Set<String>> catalog : schemasByCatalog.entrySet()) {
            for (List<Object> row : executor.query(TrinoQueries.relations(catalog.getKey(), catalog.getValue())).rows()) {
                String key = key(catalog.getKey(), row.get(0).toString(), row.get(1).toString());
                relations.add(key);
                if ("BASE TABLE".equals(row.get(2))) {
                    tables.add(key);
                }
                comments.put(key, Optional.ofNullable(row.get(3)).map(Object::toString));
            }
        }
        List<TableName> existing = interesting.stream().filter(table -> tables.contains(key(table))).toList();
        Map<String, Optional<String>> snapshots = new HashMap<>();
        if (!existing.isEmpty()) {
            String catalog = existing.getFirst().catalog();
            for (List<Object> row : executor.query(TrinoQueries.latestSnapshots(existing)).rows()) {
                snapshots.put(key(catalog, row.get(0).toString(), row.get(1).toString()), Optional.ofNullable(row.get(2)).map(Object::toString));
            }
        }
        return new RunMetadata(true, relations.build(), comments.buildKeepingLast(), snapshots);
    }

    /** The tables and views of a catalog that existed when the run started, as {@code schema.table}; a source check needs nothing more. */
    ImmutableSet<String> existingAtStart(String catalog)
    {
        String prefix = catalog.toLowerCase(Locale.ROOT) + ".";
        return relations.stream()
                .filter(relation -> relation.startsWith(prefix))
                .map(relation -> relation.substring(prefix.length()))
                .collect(ImmutableSet.toImmutableSet());
    }

    /**
     * Whether the table is known to be missing now: it did not exist at the start and this run has
     * not created it. False when the metadata was not read.
     */
    boolean missing(TableName table)
    {
        return read && !relations.contains(key(table)) && !created.contains(key(table));
    }

    /**
     * The newest data-changing snapshot of a table (empty when it has none), from what the run
     * knows, else from the engine by the compiled query.
     */
    Optional<String> latestSnapshot(SqlExecutor executor, TableName table, String query)
            throws SQLException
    {
        Optional<String> known = snapshots.get(key(table));
        if (known != null) {
            return known;
        }
        if (missing(table)) {
            // the snapshot query of a table that does not exist fails; it has no snapshot
            return NO_SNAPSHOT;
        }
        return executor.queryValue(query);
    }

    /** The comment of a table (empty when it has none or does not exist), from what the run knows, else from the engine. */
    Optional<String> comment(SqlExecutor executor, TableName table, String query)
            throws SQLException
    {
        String key = key(table);
        if (!read || commented.contains(key)) {
            return executor.queryValue(query);
        }
        if (created.contains(key)) {
            return Optional.empty();
        }
        Optional<String> known = comments.get(key);
        return known == null ? Optional.empty() : known;
    }

    /** The run created this table, empty: it has no snapshot and no comment yet. */
    void created(TableName table)
    {
        if (!read) {
            return;
        }
        created.add(key(table));
        snapshots.put(key(table), NO_SNAPSHOT);
    }

    /** A statement changed the table's rows: what was known of its snapshot no longer holds. */
    void dataChanged(TableName table)
    {
        snapshots.remove(key(table));
    }

    /** The table's newest snapshot, as read after the run's own write. */
    void snapshotIs(TableName table, Optional<String> snapshot)
    {
        snapshots.put(key(table), snapshot);
    }

    /** The run rewrote the table's comment. */
    void commentChanged(TableName table)
    {
        commented.add(key(table));
    }

    private static String key(TableName table)
    {
        return key(table.catalog(), table.schema(), table.table());
    }

    private static String key(String catalog, String schema, String table)
    {
        // Trino folds unquoted names to lower case, and information_schema answers in it
        return (catalog + "." + schema + "." + table).toLowerCase(Locale.ROOT);
    }
}
