package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.MaintenanceSql;
import dev.vault.sql.MaintenanceSql.StepSql;
import dev.vault.sql.MaintenanceSql.VaultTable;
import dev.vault.sql.TrinoQueries;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@code vault maintain} and {@code vault status}: the upkeep of the Iceberg tables vault owns. */
final class TableUpkeep
{
    private final Project project;
    private final SqlExecutor executor;
    private final VaultListener listener;
    private final MaintenanceSql sql;

    TableUpkeep(Project project, SqlExecutor executor, VaultListener listener)
    {
        this.project = requireNonNull(project, "project is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.sql = new MaintenanceSql(project);
    }

    /**
     * Runs the policy of each maintained table of the selected models; the caller holds the run
     * lock. A failed step ends that table's maintenance, the other tables still get theirs.
     */
    MaintenanceRun maintain(Collection<String> selection)
    {
        Stopwatch total = Stopwatch.createStarted();
        ImmutableList<VaultTable> tables = sql.maintainedTables(selection);
        Set<TableName> existing = existingTables(tables);
        ImmutableList.Builder<MaintenanceResult> results = ImmutableList.builder();
        for (VaultTable table : tables) {
            results.add(maintain(table, existing.contains(table.table())));
        }
        return new MaintenanceRun(results.build(), total.elapsed());
    }

    private MaintenanceResult maintain(VaultTable table, boolean exists)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        String model = table.model().name();
        TableStatus notBuilt = TableStatus.notBuilt(model, table.model().kind(), table.table());
        if (!exists) {
            return new MaintenanceResult(model, table.model().kind(), table.table(), MaintenanceResult.Status.NOT_BUILT, ImmutableList.of(),
                    notBuilt, notBuilt, stopwatch.elapsed(), Optional.empty());
        }
        ImmutableList.Builder<String> done = ImmutableList.builder();
        TableStatus before = notBuilt;
        String current = "reading the metadata of";
        try {
            before = figures(table, false);
            for (StepSql step : sql.steps(table)) {
                current = step.step().id();
                listener.modelProgress(table.table().table(), current);
                if (step.step() == MaintenanceSql.Step.EXPIRE_SNAPSHOTS) {
                    expireSnapshots(table);
                }
                else {
                    executor.update(step.sql());
                }
                done.add(current);
            }
            current = "reading the metadata of";
            TableStatus after = figures(table, false);
            return new MaintenanceResult(model, table.model().kind(), table.table(), MaintenanceResult.Status.MAINTAINED, done.build(),
                    before, after, stopwatch.elapsed(), Optional.empty());
        }
        catch (SQLException e) {
            String message = "%s of table %s (%s '%s' at %s) failed: %s%s".formatted(current, table.table(), table.model().kind().displayName(), model, table.model().location(), e.getMessage(),
                    retentionHint(e.getMessage()));
            return new MaintenanceResult(model, table.model().kind(), table.table(), MaintenanceResult.Status.FAILED, done.build(),
                    before, before, stopwatch.elapsed(), Optional.of(message));
        }
    }

    private void expireSnapshots(VaultTable table)
            throws SQLException
    {
        // counted now: the steps before may have added 'replace' snapshots
        int sinceLastLoad = (int) number(executor.query(MaintenanceSql.snapshotsSinceLastLoad(table.table())).rows().getFirst().getFirst());
        try {
            executor.update(sql.expireSnapshots(table, sinceLastLoad).sql());
        }
        catch (SQLException e) {
            if (!noRetainLast(e)) {
                throw e;
            }
            // Trino 476 knows no retain_last: the threshold keeps the newest snapshots instead
            int keep = sql.snapshotsToKeep(table, sinceLastLoad);
            long age = number(executor.query(MaintenanceSql.ageOfOldestKept(table.table(), keep)).rows().getFirst().getFirst());
            executor.update(sql.expireSnapshotsWithoutRetainLast(table, age).sql());
        }
    }

    /** Whether the engine refused expire_snapshots' retain_last (Trino 476 has none). */
    static boolean noRetainLast(SQLException e)
    {
        return e.getMessage() != null && e.getMessage().contains("property 'retain_last' does not exist");
    }

    /**
     * A cluster refuses to expire snapshots or delete orphan files younger than its minimum
     * retention, 7 days by default, so that a reader or a writer still using them is safe. Either
     * the policy keeps at least that long, or the cluster's administrator lowers the minimum.
     */
    static String retentionHint(String error)
    {
        if (error == null || !error.contains("is shorter than the minimum retention configured in the system")) {
            return "";
        }
        return ". The policy's older-than is below the cluster's minimum retention: raise it to at least that in vault.yml's 'maintenance:' "
                + "(or the model's), or have the cluster allow less, in the Iceberg catalog's properties (iceberg.expire-snapshots.min-retention, "
                + "iceberg.remove-orphan-files.min-retention) or, where vault's user may, as the catalog session properties expire_snapshots_min_retention "
                + "and remove_orphan_files_min_retention (docs/cluster.md)";
    }

    /** Every table of the selected models, from the Iceberg metadata tables. */
    ImmutableList<TableStatus> status(Collection<String> selection)
    {
        ImmutableList<VaultTable> tables = sql.tables(selection);
        Set<TableName> existing = existingTables(tables);
        ImmutableList.Builder<TableStatus> statuses = ImmutableList.builder();
        for (VaultTable table : tables) {
            if (!existing.contains(table.table())) {
                statuses.add(TableStatus.notBuilt(table.model().name(), table.model().kind(), table.table()));
                continue;
            }
            try {
                statuses.add(figures(table, true));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the metadata of table %s: %s".formatted(table.table(), e.getMessage()), e);
            }
        }
        return statuses.build();
    }

    private TableStatus figures(VaultTable table, boolean countRows)
            throws SQLException
    {
        OptionalLong rows = countRows ? OptionalLong.of(number(executor.query(MaintenanceSql.rowCount(table.table())).rows().getFirst().getFirst())) : OptionalLong.empty();
        List<Object> files = executor.query(MaintenanceSql.files(table.table())).rows().getFirst();
        List<Object> snapshots = executor.query(MaintenanceSql.snapshots(table.table())).rows().getFirst();
        return new TableStatus(
                table.model().name(),
                table.model().kind(),
                table.table(),
                true,
                rows,
                OptionalLong.of(number(files.get(0))),
                OptionalLong.of(number(files.get(1))),
                OptionalLong.of(number(snapshots.get(0))),
                Optional.ofNullable(snapshots.get(2)).map(value -> Instant.parse(value.toString())),
                snapshots.get(1) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(snapshots.get(1).toString())));
    }

    private static long number(Object value)
    {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Set<TableName> existingTables(List<VaultTable> tables)
    {
        Set<TableName> existing = new HashSet<>();
        Set<String> schemas = new HashSet<>();
        tables.forEach(table -> schemas.add(table.table().schema()));
        for (String schema : schemas) {
            try {
                executor.query(TrinoQueries.tablesOf(project.config().catalog(), schema)).rows()
                        .forEach(row -> existing.add(new TableName(project.config().catalog(), schema, row.getFirst().toString())));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot list the tables of schema %s.%s: %s".formatted(project.config().catalog(), schema, e.getMessage()), e);
            }
        }
        return existing;
    }
}
