package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Model;
import dev.vault.core.model.TableName;

import static java.util.Objects.requireNonNull;

/**
 * The statements of one model, in order. Sources have none (they are read, not written). A table
 * mart has none either: its statement depends on its inputs' state at run time, see
 * {@link TrinoCompiler#martTable}.
 */
public record ModelPlan(Model model, TableName target, ImmutableList<Statement> statements, java.util.Optional<TableDefinition> table)
{
    public ModelPlan
    {
        requireNonNull(model, "model is null");
        requireNonNull(target, "target is null");
        requireNonNull(statements, "statements is null");
        requireNonNull(table, "table is null");
    }
}
