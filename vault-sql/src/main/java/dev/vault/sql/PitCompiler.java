package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.GhostRecord;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Model;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Project;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The statements of the query assistance tables: snapshot control tables, point-in-time tables
 * and bridges. Each is an Iceberg table created once and loaded insert-only, like the raw vault
 * it points into: a snapshot, once built, is never rebuilt.
 */
final class PitCompiler
{
    private static final String SNAPSHOT_TYPE = StandardColumns.LOAD_DATETIME_TYPE;

    private final Project project;
    private final Templates templates;
    private final TrinoCompiler compiler;

    PitCompiler(Project project, Templates templates, TrinoCompiler compiler)
    {
        this.project = requireNonNull(project, "project is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.compiler = requireNonNull(compiler, "compiler is null");
    }

    ImmutableList<Statement> statements(Model model, TableName target)
    {
        return switch (model) {
            case SnapshotControl control -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, snapshotTable(control, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, snapshotLoad(control, target)));
            case Pit pit -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, pitTable(pit, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, pitLoad(pit, target)));
            case Bridge bridge -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, bridgeTable(bridge, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, bridgeLoad(bridge, target)));
            default -> throw new IllegalArgumentException("not a query assistance model: " + model.name());
        };
    }

    private String snapshotTable(SnapshotControl control, TableName target)
    {
        List<Map<String, Object>> columns = List.of(
                TrinoCompiler.column(SnapshotControl.SNAPSHOT_DATETIME, SNAPSHOT_TYPE, true, "The snapshot: the state of the vault at this instant"),
                TrinoCompiler.column(SnapshotControl.SNAPSHOT_DATE, "date", true, "The day of the snapshot (UTC)"),
                TrinoCompiler.column("is_weekly", "boolean", true, "The snapshot of a Monday"),
                TrinoCompiler.column("is_monthly", "boolean", true, "The snapshot of the first day of a month"),
                TrinoCompiler.column("is_yearly", "boolean", true, "The snapshot of January 1st"));
        return compiler.createTable(control, target, columns, List.of(), List.of(SnapshotControl.SNAPSHOT_DATETIME));
    }

    private String snapshotLoad(SnapshotControl control, TableName target)
    {
        return templates.render("snapshot_control.ftl", Map.of(
                "model", TrinoCompiler.header(control),
                "target", target,
                "start", control.start().toString(),
                "end", control.end().map(Object::toString).orElse(""),
                "seconds", control.time().toSecondOfDay(),
                "time", control.time().toString()));
    }

    private String pitTable(Pit pit, TableName target)
    {
        String parentKey = parentKey(pit.parent());
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(TrinoCompiler.column(parentKey, StandardColumns.HASH_TYPE, true, "Hash key in " + pit.parent()));
        columns.add(TrinoCompiler.column(SnapshotControl.SNAPSHOT_DATETIME, SNAPSHOT_TYPE, true, "The snapshot, from " + pit.snapshots()));
        for (String satellite : pit.satellites()) {
            columns.add(TrinoCompiler.column(Pit.keyColumn(satellite), StandardColumns.HASH_TYPE, true, "Key of the row of " + satellite + " current at the snapshot; the zero key (ghost record) when there was none"));
            columns.add(TrinoCompiler.column(Pit.loadDatetimeColumn(satellite), StandardColumns.LOAD_DATETIME_TYPE, true, "load_datetime of that row; " + GhostRecord.LOAD_DATETIME + " for the ghost record"));
        }
        return compiler.createTable(pit, target, columns, List.of("bucket(" + parentKey + ", " + pit.layout().buckets() + ")"), List.of(parentKey, SnapshotControl.SNAPSHOT_DATETIME));
    }

    private String pitLoad(Pit pit, TableName target)
    {
        List<Map<String, Object>> satellites = new ArrayList<>();
        for (String name : pit.satellites()) {
            Satellite satellite = project.model(name, Satellite.class);
            satellites.add(Map.of(
                    "name", satellite.name(),
                    "table", project.tableName(satellite),
                    "keyColumn", Pit.keyColumn(satellite.name()),
                    "loadColumn", Pit.loadDatetimeColumn(satellite.name())));
        }
        return templates.render("pit.ftl", Map.of(
                "model", TrinoCompiler.header(pit),
                "target", target,
                "parent", project.tableName(project.model(pit.parent())),
                "parentName", pit.parent(),
                "parentKey", parentKey(pit.parent()),
                "snapshots", project.tableName(project.model(pit.snapshots())),
                "satellites", satellites,
                "zeroKey", project.config().hashing().zeroKey(),
                "ghostLoadDatetime", GhostRecord.LOAD_DATETIME));
    }

    /** One step of a bridge's path: a link, the columns it adds and how it joins the steps before. */
    private record Step(Link link, String alias, Map<String, String> added, Map<String, String> joins) {}

    private List<Step> steps(Bridge bridge, Map<String, String> columnOfHub)
    {
        Hub hub = project.model(bridge.hub(), Hub.class);
        // for every hub reached: the expression holding its key (alias.column) and the bridge column
        Map<String, String> expressionOfHub = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (String name : bridge.path()) {
            Link link = project.model(name, Link.class);
            String alias = "l" + (steps.size() + 1);
            Map<String, String> added = new LinkedHashMap<>();
            Map<String, String> joins = new LinkedHashMap<>();
            for (ForeignKey foreignKey : link.foreignKeys()) {
                String expression = alias + "." + SqlText.identifier(foreignKey.column());
                if (steps.isEmpty() && foreignKey.hub().equals(hub.name()) && !expressionOfHub.containsKey(hub.name())) {
                    added.put(hub.hashKey(), expression);
                    expressionOfHub.put(hub.name(), expression);
                    columnOfHub.put(hub.name(), hub.hashKey());
                }
                else if (expressionOfHub.containsKey(foreignKey.hub())) {
                    joins.put(expression, expressionOfHub.get(foreignKey.hub()));
                }
                else {
                    added.put(foreignKey.column(), expression);
                    expressionOfHub.put(foreignKey.hub(), expression);
                    columnOfHub.put(foreignKey.hub(), foreignKey.column());
                }
            }
            steps.add(new Step(link, alias, added, joins));
        }
        return steps;
    }

    private String bridgeTable(Bridge bridge, TableName target)
    {
        Hub hub = project.model(bridge.hub(), Hub.class);
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(TrinoCompiler.column(SnapshotControl.SNAPSHOT_DATETIME, SNAPSHOT_TYPE, true, "The snapshot, from " + bridge.snapshots()));
        Map<String, String> columnOfHub = new LinkedHashMap<>();
        for (Step step : steps(bridge, columnOfHub)) {
            columns.add(TrinoCompiler.column(step.link().hashKey(), StandardColumns.HASH_TYPE, true, "Hash key in " + step.link().name()));
            for (String column : step.added().keySet()) {
                String hubName = columnOfHub.entrySet().stream().filter(entry -> entry.getValue().equals(column)).map(Map.Entry::getKey).findFirst().orElse("");
                columns.add(TrinoCompiler.column(column, StandardColumns.HASH_TYPE, true, "Hash key in " + hubName));
            }
        }
        return compiler.createTable(bridge, target, columns, List.of("bucket(" + hub.hashKey() + ", " + bridge.layout().buckets() + ")"), List.of(hub.hashKey(), SnapshotControl.SNAPSHOT_DATETIME));
    }

    private String bridgeLoad(Bridge bridge, TableName target)
    {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        columns.add(SnapshotControl.SNAPSHOT_DATETIME);
        for (Step step : steps(bridge, new LinkedHashMap<>())) {
            columns.add(step.link().hashKey());
            columns.addAll(step.added().keySet());
            List<Map<String, String>> added = new ArrayList<>();
            step.added().forEach((column, expression) -> added.add(Map.of("column", column, "expression", expression)));
            List<Map<String, String>> joins = new ArrayList<>();
            step.joins().forEach((left, right) -> joins.add(Map.of("left", left, "right", right)));
            steps.add(Map.of(
                    "link", step.link().name(),
                    "table", project.tableName(step.link()),
                    "alias", step.alias(),
                    "hashKey", step.link().hashKey(),
                    "added", added,
                    "joins", joins));
        }
        return templates.render("bridge.ftl", Map.of(
                "model", TrinoCompiler.header(bridge),
                "target", target,
                "columns", columns,
                "snapshots", project.tableName(project.model(bridge.snapshots())),
                "steps", steps));
    }

    private String parentKey(String parent)
    {
        return switch (project.model(parent)) {
            case Hub hub -> hub.hashKey();
            case Link link -> link.hashKey();
            default -> throw new IllegalStateException("PIT parent is not a hub or link: " + parent);
        };
    }
}
