package dev.vault.sql.kind;

import dev.vault.core.model.Satellite;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A multi-active satellite: several rows per key at once, told apart by the multi-active keys;
 * a key's whole set is written again when any row of it changes ({@code multi_active_satellite.ftl}).
 */
public final class MultiActiveSatelliteCompiler
        implements ModelCompiler<Satellite>
{
    private final SatelliteParts parts;

    public MultiActiveSatelliteCompiler(CompileContext context)
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
        return parts.compile(satellite, target, table, load(satellite, target));
    }

    private String load(Satellite satellite, TableName target)
    {
        CompileContext context = parts.context();
        String parentKey = context.parentKey(satellite);
        List<String> columns = new ArrayList<>();
        columns.add(parentKey);
        columns.addAll(satellite.multiActiveKeys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(satellite.hashdiff());
        columns.addAll(satellite.payload());
        Map<String, Object> data = parts.loadData(satellite, target, columns, Map.of(
                "sources", parts.sources(satellite, Optional.empty()),
                "parentKey", parentKey,
                "multiActiveKeys", satellite.multiActiveKeys(),
                "hashdiff", satellite.hashdiff()));
        context.rejectKeys(satellite, List.of(parentKey)).ifPresent(keys -> data.put("rejectKeys", keys));
        return context.render("multi_active_satellite.ftl", data);
    }
}
