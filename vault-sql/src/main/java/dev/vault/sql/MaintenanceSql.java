package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.maintenance.Durations;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The SQL of table upkeep: the maintenance steps of {@code vault maintain} (templates/trino/
 * maintain.ftl) and the metadata queries of {@code vault status}.
 */
public final class MaintenanceSql
{
    private final Project project;
    private final Templates templates = new Templates("trino");

    public MaintenanceSql(Project project)
    {
        this.project = requireNonNull(project, "project is null");
    }

    /** An Iceberg table of a model: its own, or one an identity hub writes besides itself. */
    public record VaultTable(Model model, TableName table)
    {
        public VaultTable
        {
            requireNonNull(model, "model is null");
            requireNonNull(table, "table is null");
        }
    }

    public enum Step
    {
        OPTIMIZE, OPTIMIZE_MANIFESTS, EXPIRE_SNAPSHOTS, REMOVE_ORPHAN_FILES, ANALYZE;

        /** The name in SQL and in artifacts, e.g. {@code expire_snapshots}. */
        public String id()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record StepSql(Step step, String sql)
    {
        public StepSql
        {
            requireNonNull(step, "step is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * The Iceberg tables of the selected models, in build order: sources, hubs (an identity hub
     * with its records map, same-as link and junk keys), links, satellites and table marts.
     * Staging views and view marts have none.
     */
    public ImmutableList<VaultTable> tables(Collection<String> selection)
    {
        Set<String> selected = Set.copyOf(selection);
        ImmutableList.Builder<VaultTable> tables = ImmutableList.builder();
        for (Model model : project.inBuildOrder()) {
            if (!selected.contains(model.name())) {
                continue;
            }
            switch (model) {
                case Source source -> tables.add(new VaultTable(source, project.tableName(source)));
                case Hub hub -> {
                    TableName table = project.tableName(hub);
                    tables.add(new VaultTable(hub, table));
                    if (hub.identity()) {
                        List<String> auxiliaries = new ArrayList<>(List.of(hub.recordsTable(), hub.sameAsTable(), hub.junkKeysTable(), hub.keysTable()));
                        if (!project.config().identity().comparisons().isEmpty()) {
                            auxiliaries.add(hub.comparedPartsTable());
                        }
                        for (String auxiliary : auxiliaries) {
                            tables.add(new VaultTable(hub, new TableName(table.catalog(), table.schema(), auxiliary)));
                        }
                    }
                }
                case Link link -> tables.add(new VaultTable(link, project.tableName(link)));
                case Satellite satellite -> tables.add(new VaultTable(satellite, project.tableName(satellite)));
                case Mart mart when mart.materialized() == Mart.Materialization.TABLE -> tables.add(new VaultTable(mart, project.tableName(mart)));
                default -> {}
            }
        }
        return tables.build();
    }

    /** The tables of the selected models that have a maintenance policy. */
    public ImmutableList<VaultTable> maintainedTables(Collection<String> selection)
    {
        return tables(selection).stream()
                .filter(table -> project.maintenance(table.model().name()).isPresent())
                .collect(ImmutableList.toImmutableList());
    }

    /** The steps of a table's policy, in the order they run: compaction before expiry, so expiry frees the compacted files. */
    public ImmutableList<StepSql> steps(VaultTable table)
    {
        MaintenancePolicy policy = project.maintenance(table.model().name()).orElse(MaintenancePolicy.DEFAULT);
        ImmutableList.Builder<StepSql> steps = ImmutableList.builder();
        policy.optimize().ifPresent(optimize -> steps.add(render(table, Step.OPTIMIZE, Map.of("threshold", optimize.fileSizeThreshold().toString()))));
        if (policy.optimizeManifests()) {
            steps.add(render(table, Step.OPTIMIZE_MANIFESTS, Map.of()));
        }
        policy.expireSnapshots().ifPresent(expire -> steps.add(expireSnapshots(table, expire, 1)));
        policy.removeOrphanFiles().ifPresent(orphans -> steps.add(render(table, Step.REMOVE_ORPHAN_FILES, Map.of("olderThan", Durations.format(orphans.olderThan())))));
        if (policy.analyze()) {
            steps.add(render(table, Step.ANALYZE, Map.of()));
        }
        return steps.build();
    }

    /**
     * The expire step with the newest snapshot that changed data kept, whatever its age and
     * keep-last: tables built from this one fingerprint it, so expiring it would rebuild them for
     * nothing. {@code snapshotsSinceLastLoad} counts it and the 'replace' snapshots after it
     * ({@link #snapshotsSinceLastLoad}); the runner asks just before expiring.
     */
    public StepSql expireSnapshots(VaultTable table, int snapshotsSinceLastLoad)
    {
        return expireSnapshots(table, expirePolicy(table), snapshotsSinceLastLoad);
    }

    /** How many of the newest snapshots the expire step keeps, whatever their age. */
    public int snapshotsToKeep(VaultTable table, int snapshotsSinceLastLoad)
    {
        return snapshotsToKeep(expirePolicy(table), snapshotsSinceLastLoad);
    }

    private static int snapshotsToKeep(MaintenancePolicy.ExpireSnapshots expire, int snapshotsSinceLastLoad)
    {
        return Math.max(expire.keepLast().orElse(1), snapshotsSinceLastLoad);
    }

    /**
     * The expire step for a Trino without {@code retain_last} (476 has none): the newest
     * {@code keep} snapshots are kept by the threshold itself, the policy's older-than or, when
     * longer, the age of the oldest of them plus an hour (the statement runs a moment after the
     * age is read, and a snapshot just past the threshold would go).
     */
    public StepSql expireSnapshotsWithoutRetainLast(VaultTable table, long ageOfOldestKeptSeconds)
    {
        Duration olderThan = expirePolicy(table).olderThan();
        Duration keeping = Duration.ofSeconds(ageOfOldestKeptSeconds).plusHours(1);
        Duration threshold = keeping.compareTo(olderThan) > 0 ? Duration.ofHours(keeping.toHours() + 1) : olderThan;
        return render(table, Step.EXPIRE_SNAPSHOTS, Map.of("olderThan", Durations.format(threshold)));
    }

    /** One row: the age in whole seconds of the oldest of the {@code keep} newest snapshots; null when there is none. */
    public static String ageOfOldestKept(TableName table, int keep)
    {
        return "SELECT CAST(ceiling(to_unixtime(current_timestamp) - to_unixtime(min(committed_at))) AS bigint) FROM (SELECT committed_at FROM "
                + SqlText.metadataTable(table, "snapshots") + " ORDER BY committed_at DESC LIMIT " + keep + ") AS newest";
    }

    private MaintenancePolicy.ExpireSnapshots expirePolicy(VaultTable table)
    {
        return project.maintenance(table.model().name()).flatMap(MaintenancePolicy::expireSnapshots)
                .orElseThrow(() -> new IllegalArgumentException("the policy of " + table.model().name() + " expires no snapshots"));
    }

    private StepSql expireSnapshots(VaultTable table, MaintenancePolicy.ExpireSnapshots expire, int snapshotsSinceLastLoad)
    {
        Map<String, Object> settings = new HashMap<>();
        settings.put("olderThan", Durations.format(expire.olderThan()));
        int keepLast = snapshotsToKeep(expire, snapshotsSinceLastLoad);
        if (expire.keepLast().isPresent() || keepLast > 1) {
            settings.put("keepLast", keepLast);
        }
        return render(table, Step.EXPIRE_SNAPSHOTS, settings);
    }

    private StepSql render(VaultTable table, Step step, Map<String, Object> settings)
    {
        Map<String, Object> model = new HashMap<>(settings);
        model.put("model", TrinoCompiler.header(table.model()));
        model.put("target", table.table());
        model.put("step", step.id());
        return new StepSql(step, templates.render("maintain.ftl", model));
    }

    /** One row: the newest snapshot that changed data and the 'replace' snapshots after it; 0 when there is none. */
    public static String snapshotsSinceLastLoad(TableName table)
    {
        String snapshots = SqlText.metadataTable(table, "snapshots");
        return "SELECT count_if(s.committed_at >= l.committed_at) FROM " + snapshots + " AS s CROSS JOIN (SELECT max(committed_at) AS committed_at FROM "
                + snapshots + " WHERE operation <> 'replace') AS l";
    }

    /** One row: the rows of the table. */
    public static String rowCount(TableName table)
    {
        return "SELECT count(*) FROM " + SqlText.table(table);
    }

    /** One row: the data files of the current snapshot and their total size in bytes. */
    public static String files(TableName table)
    {
        return "SELECT count(*), coalesce(sum(file_size_in_bytes), 0) FROM " + SqlText.metadataTable(table, "files");
    }

    /** One row: the number of snapshots, the newest one's id and when it was committed (ISO 8601, UTC), null when there is none. */
    public static String snapshots(TableName table)
    {
        return "SELECT count(*), CAST(max_by(snapshot_id, committed_at) AS varchar), to_iso8601(max(committed_at) AT TIME ZONE 'UTC') FROM " + SqlText.metadataTable(table, "snapshots");
    }
}
