package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.sql.Step;
import dev.vault.sql.TableDefinition;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What one model compiles to: its steps in order, and the spec of the table it creates, if any. */
public record CompiledModel(ImmutableList<Step> steps, Optional<TableDefinition> table)
{
    public CompiledModel
    {
        requireNonNull(steps, "steps is null");
        requireNonNull(table, "table is null");
    }

    public static CompiledModel of(ImmutableList<Step> steps)
    {
        return new CompiledModel(steps, Optional.empty());
    }

    public static CompiledModel of(ImmutableList<Step> steps, TableDefinition table)
    {
        return new CompiledModel(steps, Optional.of(table));
    }
}
