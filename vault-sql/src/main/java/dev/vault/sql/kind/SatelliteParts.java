package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.GhostRecord;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.LoadingSettings;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What every kind of satellite shares: the key columns of its table, the statement sequence
 * (table, rejects, ghost record, load, end-dated and current views) and the guard over its inputs.
 */
final class SatelliteParts
{
    private final CompileContext context;

    SatelliteParts(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    CompileContext context()
    {
        return context;
    }

    /** The table's leading columns: the parent's key, the dependent child keys, the multi-active keys. */
    List<ColumnSpec> keyColumns(Satellite satellite)
    {
        Map<String, String> staged = context.staged(satellite.sources().getFirst());
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.of(context.parentKey(satellite), TrinoDialect.HASH_TYPE, true, "Hash key in " + satellite.parent()));
        satellite.childKeys().forEach(key -> columns.add(ColumnSpec.of(key, staged.get(key), true, "Dependent child key")));
        satellite.multiActiveKeys().forEach(key -> columns.add(ColumnSpec.of(key, staged.get(key), false, "Multi-active key: tells the rows of one key's set apart").asKey()));
        return columns;
    }

    /** The load columns, the hashdiff and the payload: what a satellite with a payload keeps after its keys. */
    List<ColumnSpec> payloadColumns(Satellite satellite)
    {
        Map<String, String> staged = context.staged(satellite.sources().getFirst());
        List<ColumnSpec> columns = new ArrayList<>();
        CompileContext.addLoadColumns(columns);
        columns.add(ColumnSpec.of(satellite.hashdiff(), TrinoDialect.HASH_TYPE, true, "Hash of the payload"));
        satellite.payload().forEach(column -> columns.add(ColumnSpec.of(column, staged.get(column), false, "")));
        return columns;
    }

    /** The parent's key, then the dependent child keys: what identifies a satellite row but its load time. */
    List<String> keys(Satellite satellite)
    {
        List<String> keys = new ArrayList<>();
        keys.add(context.parentKey(satellite));
        keys.addAll(satellite.childKeys());
        return keys;
    }

    TableSql table(Satellite satellite, TableName target, List<ColumnSpec> columns, String bucketColumn, List<String> sortedBy)
    {
        List<String> sorted = new ArrayList<>(sortedBy);
        sorted.add(StandardColumns.LOAD_DATETIME);
        return context.createTable(satellite, target, columns, List.of(CompileContext.bucket(bucketColumn, satellite.layout().buckets())), sorted);
    }

    /** What makes two staged rows of a satellite with a payload a conflict: one key (and multi-active key) and load time, two hashdiffs. */
    ConflictRule conflictRule(Satellite satellite)
    {
        Optional<Hub> identityHub = context.project().model(satellite.parent()) instanceof Hub hub && hub.identity() ? Optional.of(hub) : Optional.empty();
        return new ConflictRule(satellite, satellite.sources(), ImmutableList.copyOf(keys(satellite)), satellite.multiActiveKeys(),
                satellite.hashdiff(), ImmutableList.of(), identityHub, false);
    }

    /** The stages a load reads, each with the business key columns behind the parent's key (a conflict names them). */
    List<Map<String, Object>> sources(Satellite satellite, Optional<Hub> identityHub)
    {
        List<Map<String, Object>> sources = context.sources(satellite.sources(), identityHub);
        for (int i = 0; i < sources.size(); i++) {
            sources.get(i).put("businessKey", context.businessKey(satellite.sources().get(i), context.parentKey(satellite)));
        }
        return sources;
    }

    /** A load template's data: the model, its target, the columns it inserts and the stages it reads, plus the template's own. */
    Map<String, Object> loadData(Satellite satellite, TableName target, List<String> columns, Map<String, Object> own)
    {
        Map<String, Object> data = new HashMap<>(own);
        data.put("model", CompileContext.header(satellite));
        data.put("target", target);
        data.put("columns", columns);
        data.put("conflicts", context.conflictsSetting(satellite));
        return data;
    }

    CompiledModel compile(Satellite satellite, TableName target, TableSql table, String load)
    {
        return compile(satellite, target, table, load, false);
    }

    /**
     * With {@code incremental}, the load may read only the staged rows its sources gained since
     * the last build: right for a satellite whose rows each depend on the key's latest row alone,
     * not for one that compares a whole set or notices what is missing.
     */
    CompiledModel compile(Satellite satellite, TableName target, TableSql table, String load, boolean incremental)
    {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(satellite.name(), Statement.Kind.CREATE_TABLE, target, table.sql()));
        if (context.rejects(satellite)) {
            statements.add(context.rejectStatement(satellite, satellite.sources(), List.of(context.parentKey(satellite))));
        }
        if (satellite.hasPayload() && context.conflicts(satellite) == LoadingSettings.Conflicts.SET_ASIDE) {
            statements.add(context.conflictsStatement(conflictRule(satellite)));
        }
        if (satellite.hasPayload() && context.project().config().loading().ghostRecords()) {
            statements.add(new Statement(satellite.name(), Statement.Kind.GHOST, target, ghost(satellite, target)));
        }
        statements.add(new Statement(satellite.name(), Statement.Kind.LOAD, target, load));
        if (satellite.views()) {
            statements.addAll(views(satellite, target));
        }
        return CompiledModel.of(incremental
                ? context.guardedIncrementalLoad(satellite, target, statements, satellite.sources())
                : context.guardedLoad(satellite, target, statements), table.definition());
    }

    private String ghost(Satellite satellite, TableName target)
    {
        Map<String, String> staged = context.staged(satellite.sources().getFirst());
        String zeroKey = SqlText.literal(context.project().config().hashing().zeroKey());
        List<Map<String, String>> columns = new ArrayList<>();
        columns.add(Map.of("name", context.parentKey(satellite), "value", zeroKey));
        satellite.childKeys().forEach(key -> columns.add(Map.of("name", key, "value", zeroKey)));
        satellite.multiActiveKeys().forEach(key -> columns.add(Map.of("name", key, "value", "CAST(NULL AS " + staged.get(key) + ")")));
        columns.add(Map.of("name", StandardColumns.LOAD_DATETIME, "value", "TIMESTAMP '" + GhostRecord.LOAD_DATETIME + "'"));
        columns.add(Map.of("name", StandardColumns.RECORD_SOURCE, "value", SqlText.literal(GhostRecord.RECORD_SOURCE)));
        columns.add(Map.of("name", satellite.hashdiff(), "value", zeroKey));
        satellite.payload().forEach(column -> columns.add(Map.of("name", column, "value", "CAST(NULL AS " + staged.get(column) + ")")));
        Map<String, Object> data = new HashMap<>(context.loadSettings());
        data.putAll(Map.of("model", CompileContext.header(satellite), "target", target, "columns", columns, "parentKey", context.parentKey(satellite)));
        return context.render("satellite_ghost.ftl", data);
    }

    private ImmutableList<Statement> views(Satellite satellite, TableName target)
    {
        TableName endDated = context.project().refTable(satellite.endDatedView());
        Map<String, Object> data = new HashMap<>(context.loadSettings());
        data.putAll(Map.of("model", CompileContext.header(satellite), "target", target, "endDated", endDated, "parentKey", context.parentKey(satellite), "keys", keys(satellite)));
        TableName current = context.project().refTable(satellite.currentView());
        return ImmutableList.of(
                new Statement(satellite.name(), Statement.Kind.VIEW, endDated, context.render("satellite_views.ftl", data)),
                new Statement(satellite.name(), Statement.Kind.VIEW, current, context.render("satellite_current.ftl", Map.of(
                        "model", CompileContext.header(satellite), "endDated", endDated, "current", current))));
    }
}
