package dev.vault.sql.kind;

import dev.vault.core.model.Bridge;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.TableName;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A bridge: for every snapshot, the key combinations along a path of links from a hub
 * ({@code bridge.ftl}). Created once and loaded insert-only; not guarded, like a PIT.
 */
public final class BridgeCompiler
        implements ModelCompiler<Bridge>
{
    private final CompileContext context;

    public BridgeCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Bridge bridge, TableName target)
    {
        TableSql table = table(bridge, target);
        // insert-only from its inputs (the snapshot control table among them): nothing new in, nothing to do
        return CompiledModel.of(context.guardedLoad(bridge, target, List.of(
                new Statement(bridge.name(), Statement.Kind.CREATE_TABLE, target, table.sql()),
                new Statement(bridge.name(), Statement.Kind.LOAD, target, load(bridge, target)))), table.definition());
    }

    /** One step of a bridge's path: a link, the columns it adds and how it joins the steps before. */
    private record PathStep(Link link, String alias, Map<String, String> added, Map<String, String> joins) {}

    private List<PathStep> steps(Bridge bridge, Map<String, String> columnOfHub)
    {
        Hub hub = context.project().model(bridge.hub(), Hub.class);
        // for every hub reached: the expression holding its key (alias.column) and the bridge column
        Map<String, String> expressionOfHub = new LinkedHashMap<>();
        List<PathStep> steps = new ArrayList<>();
        for (String name : bridge.path()) {
            Link link = context.project().model(name, Link.class);
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
            steps.add(new PathStep(link, alias, added, joins));
        }
        return steps;
    }

    private TableSql table(Bridge bridge, TableName target)
    {
        Hub hub = context.project().model(bridge.hub(), Hub.class);
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.of(SnapshotControl.SNAPSHOT_DATETIME, SnapshotControlCompiler.SNAPSHOT_TYPE, true, "The snapshot, from " + bridge.snapshots()));
        Map<String, String> columnOfHub = new LinkedHashMap<>();
        for (PathStep step : steps(bridge, columnOfHub)) {
            columns.add(ColumnSpec.of(step.link().hashKey(), TrinoDialect.HASH_TYPE, true, "Hash key in " + step.link().name()));
            for (String column : step.added().keySet()) {
                String hubName = columnOfHub.entrySet().stream().filter(entry -> entry.getValue().equals(column)).map(Map.Entry::getKey).findFirst().orElse("");
                columns.add(ColumnSpec.of(column, TrinoDialect.HASH_TYPE, true, "Hash key in " + hubName));
            }
        }
        return context.createTable(bridge, target, columns, List.of(CompileContext.bucket(hub.hashKey(), bridge.layout().buckets())), List.of(hub.hashKey(), SnapshotControl.SNAPSHOT_DATETIME));
    }

    private String load(Bridge bridge, TableName target)
    {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        columns.add(SnapshotControl.SNAPSHOT_DATETIME);
        for (PathStep step : steps(bridge, new LinkedHashMap<>())) {
            columns.add(step.link().hashKey());
            columns.addAll(step.added().keySet());
            List<Map<String, String>> added = new ArrayList<>();
            step.added().forEach((column, expression) -> added.add(Map.of("column", column, "expression", expression)));
            List<Map<String, String>> joins = new ArrayList<>();
            step.joins().forEach((left, right) -> joins.add(Map.of("left", left, "right", right)));
            steps.add(Map.of(
                    "link", step.link().name(),
                    "table", context.project().tableName(step.link()),
                    "alias", step.alias(),
                    "hashKey", step.link().hashKey(),
                    "added", added,
                    "joins", joins));
        }
        return context.render("bridge.ftl", Map.of(
                "model", CompileContext.header(bridge),
                "target", target,
                "columns", columns,
                "snapshots", context.project().tableName(context.project().model(bridge.snapshots())),
                "steps", steps));
    }
}
