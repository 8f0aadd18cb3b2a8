package dev.vault.sql.kind;

import dev.vault.core.model.Link;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An effectivity satellite of a link: whether the link is in effect for its driving key, a row
 * whenever that changes ({@code effectivity_satellite.ftl}).
 */
public final class EffectivitySatelliteCompiler
        implements ModelCompiler<Satellite>
{
    private final SatelliteParts parts;

    public EffectivitySatelliteCompiler(CompileContext context)
    {
        this.parts = new SatelliteParts(requireNonNull(context, "context is null"));
    }

    @Override
    public CompiledModel compile(Satellite satellite, TableName target)
    {
        Link link = parts.context().project().model(satellite.parent(), Link.class);
        List<ColumnSpec> columns = parts.keyColumns(satellite);
        link.foreignKeys().forEach(key -> columns.add(ColumnSpec.of(key.column(), TrinoDialect.HASH_TYPE, true,
                (satellite.drivingKeys().contains(key.column()) ? "Driving key: " : "Hash key in ") + key.hub())));
        CompileContext.addLoadColumns(columns);
        columns.add(ColumnSpec.of(Satellite.IS_ACTIVE, "boolean", true, "Whether the link is in effect for its driving key from load_datetime on"));
        TableSql table = parts.table(satellite, target, columns, satellite.drivingKeys().getFirst(), satellite.drivingKeys());
        return parts.compile(satellite, target, table, load(satellite, link, target));
    }

    private String load(Satellite satellite, Link link, TableName target)
    {
        List<String> linkColumns = CompileContext.linkKeys(link);
        List<String> columns = new ArrayList<>(linkColumns);
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(Satellite.IS_ACTIVE);
        return parts.context().render("effectivity_satellite.ftl", parts.loadData(satellite, target, columns, Map.of(
                "linkColumns", linkColumns,
                "sources", parts.context().sources(satellite.sources(), Optional.empty()),
                "hashKey", link.hashKey(),
                "drivingKeys", satellite.drivingKeys())));
    }
}
