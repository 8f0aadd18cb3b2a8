package dev.vault.sql.kind;

import dev.vault.core.model.Hub;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A satellite: the payload's history per key, a row whenever the hashdiff changes ({@code satellite.ftl}). */
public final class SatelliteCompiler
        implements ModelCompiler<Satellite>
{
    private final SatelliteParts parts;

    public SatelliteCompiler(CompileContext context)
    {
        this.parts = new SatelliteParts(requireNonNull(context, "context is null"));
    }

    @Override
    public CompiledModel compile(Satellite satellite, TableName target)
    {
        List<ColumnSpec> columns = parts.keyColumns(satellite);
        columns.addAll(parts.payloadColumns(satellite));
        String parentKey = parts.context().parentKey(satellite);
        TableSql table = parts.table(satellite, target, columns, parentKey, parts.keys(satellite));
        return parts.compile(satellite, target, table, load(satellite, target), true);
    }

    private String load(Satellite satellite, TableName target)
    {
        CompileContext context = parts.context();
        String parentKey = context.parentKey(satellite);
        List<String> columns = new ArrayList<>(parts.keys(satellite));
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(satellite.hashdiff());
        columns.addAll(satellite.payload());
        Optional<Hub> identityHub = context.project().model(satellite.parent()) instanceof Hub hub && hub.identity() ? Optional.of(hub) : Optional.empty();
        Map<String, Object> data = parts.loadData(satellite, target, columns, Map.of(
                "sources", parts.sources(satellite, identityHub),
                "parentKey", parentKey,
                "keys", parts.keys(satellite),
                "hashdiff", satellite.hashdiff()));
        context.rejectKeys(satellite, List.of(parentKey)).ifPresent(keys -> data.put("rejectKeys", keys));
        return context.render("satellite.ftl", data);
    }
}
