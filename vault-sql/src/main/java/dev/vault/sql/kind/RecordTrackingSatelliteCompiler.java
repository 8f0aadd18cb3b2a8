package dev.vault.sql.kind;

import dev.vault.core.model.Satellite;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A record tracking satellite: whether a key is in its record source's full extract, a row
 * whenever that changes ({@code record_tracking_satellite.ftl}).
 */
public final class RecordTrackingSatelliteCompiler
        implements ModelCompiler<Satellite>
{
    private final SatelliteParts parts;

    public RecordTrackingSatelliteCompiler(CompileContext context)
    {
        this.parts = new SatelliteParts(requireNonNull(context, "context is null"));
    }

    @Override
    public CompiledModel compile(Satellite satellite, TableName target)
    {
        List<ColumnSpec> columns = parts.keyColumns(satellite);
        CompileContext.addLoadColumns(columns);
        columns.add(ColumnSpec.of(Satellite.IS_PRESENT, "boolean", true, "Whether the key is in the record source's full extract of load_datetime"));
        String parentKey = parts.context().parentKey(satellite);
        TableSql table = parts.table(satellite, target, columns, parentKey, parts.keys(satellite));
        return parts.compile(satellite, target, table, load(satellite, target));
    }

    private String load(Satellite satellite, TableName target)
    {
        String parentKey = parts.context().parentKey(satellite);
        return parts.context().render("record_tracking_satellite.ftl", parts.loadData(satellite, target,
                List.of(parentKey, StandardColumns.LOAD_DATETIME, StandardColumns.RECORD_SOURCE, Satellite.IS_PRESENT), Map.of(
                        "sources", parts.context().sources(satellite.sources(), Optional.empty()),
                        "parentKey", parentKey,
                        "statusColumn", Satellite.IS_PRESENT)));
    }
}
