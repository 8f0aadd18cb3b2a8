package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.LoadingSettings;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A reference table: codes and their descriptions, unhashed, with history by hashdiff
 * ({@code reference.ftl}), and a view of each code's current row ({@code reference_current.ftl}).
 */
public final class ReferenceTableCompiler
        implements ModelCompiler<ReferenceTable>
{
    private final CompileContext context;

    public ReferenceTableCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(ReferenceTable reference, TableName target)
    {
        TableSql table = table(reference, target);
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement(reference.name(), Statement.Kind.CREATE_TABLE, target, table.sql()));
        statements.add(context.rejectStatement(reference, reference.sources(), reference.keys()));
        if (context.conflicts(reference) == LoadingSettings.Conflicts.SET_ASIDE) {
            statements.add(context.conflictsStatement(conflictRule(reference)));
        }
        statements.add(new Statement(reference.name(), Statement.Kind.LOAD, target, load(reference, target)));
        statements.add(new Statement(reference.name(), Statement.Kind.VIEW, context.project().refTable(reference.currentView()), current(reference, target)));
        return CompiledModel.of(context.guardedLoad(reference, target, statements), table.definition());
    }

    /** Two staged rows of one code at one load time with different payloads conflict; codes are not hashed, the payload's hash is computed. */
    static ConflictRule conflictRule(ReferenceTable reference)
    {
        return new ConflictRule(reference, reference.sources(), reference.keys(), ImmutableList.of(), ReferenceTable.HASHDIFF, reference.payload(), Optional.empty(), true);
    }

    private TableSql table(ReferenceTable reference, TableName target)
    {
        Map<String, String> staged = context.staged(reference.sources().getFirst());
        List<ColumnSpec> columns = new ArrayList<>();
        reference.keys().forEach(key -> columns.add(ColumnSpec.of(key, staged.get(key), true, "Code")));
        CompileContext.addLoadColumns(columns);
        columns.add(ColumnSpec.of(ReferenceTable.HASHDIFF, TrinoDialect.HASH_TYPE, true, "Hash of the payload"));
        reference.payload().forEach(column -> columns.add(ColumnSpec.of(column, staged.get(column), false, "")));
        List<String> sortedBy = new ArrayList<>(reference.keys());
        sortedBy.add(StandardColumns.LOAD_DATETIME);
        return context.createTable(reference, target, columns, List.of(), sortedBy);
    }

    private List<String> columns(ReferenceTable reference)
    {
        List<String> columns = new ArrayList<>(reference.keys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(ReferenceTable.HASHDIFF);
        columns.addAll(reference.payload());
        return columns;
    }

    private String load(ReferenceTable reference, TableName target)
    {
        HashingSettings hashing = context.project().config().hashing();
        return context.render("reference.ftl", Map.of(
                "model", CompileContext.header(reference),
                "target", target,
                "columns", columns(reference),
                "sources", context.sources(reference.sources(), Optional.empty()),
                "keys", reference.keys(),
                "hashdiff", ReferenceTable.HASHDIFF,
                "diffColumns", reference.payload(),
                "conflicts", context.conflictsSetting(reference),
                "hashing", Map.of("function", TrinoDialect.hashFunction(hashing.algorithm()), "zeroKey", hashing.zeroKey())));
    }

    private String current(ReferenceTable reference, TableName target)
    {
        return context.render("reference_current.ftl", Map.of(
                "model", CompileContext.header(reference),
                "target", target,
                "current", context.project().refTable(reference.currentView()),
                "columns", columns(reference),
                "keys", reference.keys()));
    }
}
