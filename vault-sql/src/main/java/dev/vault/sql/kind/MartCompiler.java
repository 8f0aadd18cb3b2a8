package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Mart;
import dev.vault.core.model.TableName;
import dev.vault.sql.Guard;
import dev.vault.sql.Statement;
import dev.vault.sql.Step;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A mart: a view over its query ({@code mart_view.ftl}), or a table rebuilt from it in one
 * atomic replace ({@code mart_table.ftl}) only when the query or an input table changed. The
 * replace carries {@link Guard#FINGERPRINT_SLOT} in its table comment, filled in by the runner
 * with the guard's fingerprint, so the fingerprint commits with the rows.
 */
public final class MartCompiler
        implements ModelCompiler<Mart>
{
    private final CompileContext context;

    public MartCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Mart mart, TableName target)
    {
        String query = context.query(mart);
        if (mart.materialized() == Mart.Materialization.VIEW) {
            return CompiledModel.of(CompileContext.guardedView(target, new Statement(mart.name(), Statement.Kind.VIEW, target,
                    context.render("mart_view.ftl", Map.of("model", CompileContext.header(mart), "target", target, "viewComment", CompileContext.viewComment(mart), "query", query)))));
        }
        String comment = CompileContext.describe(mart) + Guard.FINGERPRINT_MARK + Guard.FINGERPRINT_SLOT;
        Statement replace = new Statement(mart.name(), Statement.Kind.REPLACE, target, context.render("mart_table.ftl", Map.of(
                "model", CompileContext.header(mart),
                "target", target,
                "tableComment", comment,
                "query", query)));
        return CompiledModel.of(ImmutableList.of(
                new Step.SkipWhenUnchanged(Guard.of(query, context.inputs(mart), target)),
                new Step.Execute(replace)));
    }
}
