package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Model;
import dev.vault.core.model.TableName;

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
