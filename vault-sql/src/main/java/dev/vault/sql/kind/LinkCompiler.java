package dev.vault.sql.kind;

import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A link, and a non-historized link (a link with a payload: events that never change): its
 * table, the rows it rejects, and the insert-only load of new key combinations ({@code link.ftl}),
 * guarded by its inputs. A link to an identity hub reads the resolved persons and computes its key.
 */
public final class LinkCompiler
        implements ModelCompiler<Link>
{
    private final CompileContext context;

    public LinkCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Link link, TableName target)
    {
        TableSql table = table(link, target);
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(link.name(), Statement.Kind.CREATE_TABLE, target, table.sql()));
        if (context.rejects(link)) {
            statements.add(context.rejectStatement(link, link.sources(), CompileContext.linkKeys(link)));
        }
        statements.add(new Statement(link.name(), Statement.Kind.LOAD, target, load(link, target)));
        return CompiledModel.of(context.guardedIncrementalLoad(link, target, statements, link.sources()), table.definition());
    }

    private TableSql table(Link link, TableName target)
    {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.of(link.hashKey(), TrinoDialect.HASH_TYPE, true, "Hash key of the combination of the hubs' business keys"));
        link.foreignKeys().forEach(key -> columns.add(ColumnSpec.of(key.column(), TrinoDialect.HASH_TYPE, true, "Hash key in " + key.hub())));
        CompileContext.addLoadColumns(columns);
        if (!link.payload().isEmpty()) {
            Map<String, String> staged = context.staged(link.sources().getFirst());
            link.payload().forEach(column -> columns.add(ColumnSpec.of(column, staged.get(column), false, "")));
        }
        return context.createTable(link, target, columns, List.of(CompileContext.bucket(link.hashKey(), link.layout().buckets())), List.of(link.hashKey()));
    }

    private String load(Link link, TableName target)
    {
        List<String> columns = new ArrayList<>();
        columns.add(link.hashKey());
        link.foreignKeys().forEach(key -> columns.add(key.column()));
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.addAll(link.payload());
        // after load_datetime and record_source, the first-seen row is chosen by the keys, then the payload
        List<String> tiebreak = new ArrayList<>();
        link.foreignKeys().forEach(key -> tiebreak.add(key.column()));
        tiebreak.addAll(link.payload());
        List<Map<String, Object>> foreignKeys = new ArrayList<>();
        Optional<Hub> identityHub = Optional.empty();
        for (ForeignKey key : link.foreignKeys()) {
            Hub hub = context.project().model(key.hub(), Hub.class);
            foreignKeys.add(Map.of("column", key.column(), "hubKey", hub.hashKey(), "resolved", hub.identity()));
            if (hub.identity()) {
                identityHub = Optional.of(hub);
            }
        }
        Map<String, Object> data = new HashMap<>(Map.of(
                "model", CompileContext.header(link),
                "target", target,
                "columns", columns,
                "sources", context.sources(link.sources(), identityHub),
                "hashKey", link.hashKey(),
                "foreignKeys", foreignKeys,
                "payload", link.payload(),
                "tiebreak", tiebreak,
                "computedKey", identityHub.isPresent(),
                "hashFunction", TrinoDialect.hashFunction(context.project().config().hashing().algorithm())));
        context.rejectKeys(link, CompileContext.linkKeys(link)).ifPresent(keys -> data.put("rejectKeys", keys));
        return context.render("link.ftl", data);
    }
}
