package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Model;
import dev.vault.core.model.TableName;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything a run does for one model, decided at compile time: its steps in order (see
 * {@link Step}), the spec of the table it creates (which the runner holds an existing table to,
 * see {@link SchemaEvolution}) and the read-only queries the runner asks about the target.
 * Sources have no steps: they are read, not written.
 */
public record ModelPlan(Model model, TableName target, ImmutableList<Step> steps, Optional<TableDefinition> table, TargetQueries queries)
{
    /** The metadata queries about a model's table, compiled with the plan so the runner writes no SQL. */
    public record TargetQueries(String latestSnapshot, String columns)
    {
        public TargetQueries
        {
            requireNonNull(latestSnapshot, "latestSnapshot is null");
            requireNonNull(columns, "columns is null");
        }

        public static TargetQueries of(TableName target)
        {
            return new TargetQueries(TrinoQueries.latestSnapshot(target), TrinoQueries.columnsOf(target));
        }
    }

    public ModelPlan
    {
        requireNonNull(model, "model is null");
        requireNonNull(target, "target is null");
        requireNonNull(steps, "steps is null");
        requireNonNull(table, "table is null");
        requireNonNull(queries, "queries is null");
    }

    /**
     * The statements the model's {@link Step.Execute} steps run, in order: its DDL, loads and
     * rebuilds (a table mart's with {@link Guard#FINGERPRINT_SLOT} in its comment). Guards,
     * identity rounds and the fingerprint comment are steps of their own.
     */
    public ImmutableList<Statement> statements()
    {
        return steps.stream()
                .<Statement>mapMulti((step, statements) -> {
                    if (step instanceof Step.Execute(Statement statement)) {
                        statements.accept(statement);
                    }
                })
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * What an existing table of this model becomes: the ALTERs that bring it to the table spec,
     * by the spec's own rules (see {@link SchemaEvolution}) against the columns the table was
     * found with, the one thing a plan cannot know before its run. The runner asks the plan,
     * not the compiler.
     *
     * @throws SchemaEvolution.IncompatibleChangeException when the table cannot become the spec without rewriting history
     */
    public SchemaEvolution.Plan evolution(Map<String, String> existingColumns)
    {
        return SchemaEvolution.plan(model.kind().displayName() + " '" + model.name() + "'", target, existingColumns,
                table.orElseThrow(() -> new IllegalStateException("%s has no table spec".formatted(model.name()))));
    }

    /** The guard that decides whether the model is up to date, if it has one. */
    public Optional<Guard> guard()
    {
        return steps.stream()
                .<Guard>mapMulti((step, guards) -> {
                    if (step instanceof Step.SkipWhenUnchanged(Guard guard)) {
                        guards.accept(guard);
                    }
                })
                .findFirst();
    }
}
