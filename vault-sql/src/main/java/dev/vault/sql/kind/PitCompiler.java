package dev.vault.sql.kind;

import dev.vault.core.model.GhostRecord;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.TableName;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A point-in-time table: for every key of its parent and every snapshot of its snapshot control
 * table, the row of each satellite current then ({@code pit.ftl}). Created once and loaded
 * insert-only, like the raw vault it points into: a snapshot, once built, is never rebuilt.
 * Not guarded: which snapshots are due depends on the date, not only on the inputs.
 */
public final class PitCompiler
        implements ModelCompiler<Pit>
{
    private final CompileContext context;

    public PitCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Pit pit, TableName target)
    {
        TableSql table = table(pit, target);
        // insert-only from its inputs (the snapshot control table among them): nothing new in, nothing to do
        return CompiledModel.of(context.guardedLoad(pit, target, List.of(
                new Statement(pit.name(), Statement.Kind.CREATE_TABLE, target, table.sql()),
                new Statement(pit.name(), Statement.Kind.LOAD, target, load(pit, target)))), table.definition());
    }

    private TableSql table(Pit pit, TableName target)
    {
        String parentKey = SnapshotControlCompiler.hashKey(context, pit.parent());
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.of(parentKey, TrinoDialect.HASH_TYPE, true, "Hash key in " + pit.parent()));
        columns.add(ColumnSpec.of(SnapshotControl.SNAPSHOT_DATETIME, SnapshotControlCompiler.SNAPSHOT_TYPE, true, "The snapshot, from " + pit.snapshots()));
        for (String satellite : pit.satellites()) {
            columns.add(ColumnSpec.of(Pit.keyColumn(satellite), TrinoDialect.HASH_TYPE, true, "Key of the row of " + satellite + " current at the snapshot; the zero key (ghost record) when there was none"));
            columns.add(ColumnSpec.of(Pit.loadDatetimeColumn(satellite), TrinoDialect.LOAD_DATETIME_TYPE, true, "load_datetime of that row; " + GhostRecord.LOAD_DATETIME + " for the ghost record"));
        }
        return context.createTable(pit, target, columns, List.of(CompileContext.bucket(parentKey, pit.layout().buckets())), List.of(parentKey, SnapshotControl.SNAPSHOT_DATETIME));
    }

    private String load(Pit pit, TableName target)
    {
        List<Map<String, Object>> satellites = new ArrayList<>();
        for (String name : pit.satellites()) {
            Satellite satellite = context.project().model(name, Satellite.class);
            satellites.add(Map.of(
                    "name", satellite.name(),
                    "table", context.project().tableName(satellite),
                    "keyColumn", Pit.keyColumn(satellite.name()),
                    "loadColumn", Pit.loadDatetimeColumn(satellite.name())));
        }
        return context.render("pit.ftl", Map.of(
                "model", CompileContext.header(pit),
                "target", target,
                "parent", context.project().tableName(context.project().model(pit.parent())),
                "parentName", pit.parent(),
                "parentKey", SnapshotControlCompiler.hashKey(context, pit.parent()),
                "snapshots", context.project().tableName(context.project().model(pit.snapshots())),
                "satellites", satellites,
                "zeroKey", context.project().config().hashing().zeroKey(),
                "ghostLoadDatetime", GhostRecord.LOAD_DATETIME));
    }
}
