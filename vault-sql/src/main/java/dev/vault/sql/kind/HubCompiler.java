package dev.vault.sql.kind;

import dev.vault.core.model.Hub;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A hub: its table, the rows it rejects, and the insert-only load of new business keys ({@code hub.ftl}), guarded by its inputs. */
public final class HubCompiler
        implements ModelCompiler<Hub>
{
    private final CompileContext context;

    public HubCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Hub hub, TableName target)
    {
        TableSql table = table(context, hub, target);
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(hub.name(), Statement.Kind.CREATE_TABLE, target, table.sql()));
        if (context.rejects(hub)) {
            statements.add(context.rejectStatement(hub, hub.sources(), List.of(hub.hashKey())));
        }
        statements.add(new Statement(hub.name(), Statement.Kind.LOAD, target, load(hub, target)));
        // an identity hub's rounds read every record; a plain hub's new keys come only from new rows
        return CompiledModel.of(hub.identity()
                ? context.guardedLoad(hub, target, statements)
                : context.guardedIncrementalLoad(hub, target, statements, hub.sources()), table.definition());
    }

    /** The hub's table; an identity hub's keeps the founding record where a plain hub keeps its business keys. */
    static TableSql table(CompileContext context, Hub hub, TableName target)
    {
        Map<String, String> staged = context.staged(hub.sources().getFirst());
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.of(hub.hashKey(), TrinoDialect.HASH_TYPE, true, "Hash key of " + String.join(", ", hub.businessKeys())));
        if (hub.identity()) {
            columns.add(ColumnSpec.of(Hub.FOUNDING_RECORD, TrinoDialect.HASH_TYPE, true, "The identity_record of the earliest record of the person"));
        }
        else {
            hub.businessKeys().forEach(key -> columns.add(ColumnSpec.of(key, staged.get(key), false, "Business key").asKey()));
        }
        CompileContext.addLoadColumns(columns);
        return context.createTable(hub, target, columns, List.of(CompileContext.bucket(hub.hashKey(), hub.layout().buckets())), List.of(hub.hashKey()));
    }

    private String load(Hub hub, TableName target)
    {
        List<String> columns = new ArrayList<>();
        columns.add(hub.hashKey());
        columns.addAll(hub.businessKeys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        Map<String, Object> data = new HashMap<>(Map.of(
                "model", CompileContext.header(hub),
                "target", target,
                "columns", columns,
                "sources", context.tables(hub.sources()),
                "hashKey", hub.hashKey(),
                "businessKeys", hub.businessKeys()));
        context.rejectKeys(hub, List.of(hub.hashKey())).ifPresentOrElse(
                keys -> data.put("rejectKeys", keys),
                () -> data.put("unknownMember", unknownMember(hub)));
        return context.render("hub.ftl", data);
    }

    /**
     * The unknown member (null-keys: zero-key): the zero key's business keys are the project's
     * unknown-member-key (null by default), not the bad value of whichever row came first.
     */
    private Map<String, Object> unknownMember(Hub hub)
    {
        Map<String, String> staged = context.staged(hub.sources().getFirst());
        Optional<String> value = context.project().config().loading().unknownMemberKey();
        Map<String, String> keys = new LinkedHashMap<>();
        hub.businessKeys().forEach(key -> keys.put(key, "CAST(%s AS %s)".formatted(value.map(SqlText::literal).orElse("NULL"), staged.get(key))));
        return Map.of("zeroKey", context.project().config().hashing().zeroKey(), "keys", keys);
    }
}
