package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.TableName;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link Vault#run} with the same selection would do, found without writing anything
 * ({@link Vault#planRun}): one entry per selected model in build order, and per source a selected
 * model reads that does not exist.
 *
 * @param manifestFound whether the target path held a manifest to diff the compiled SQL against
 */
public record PlanResult(ImmutableList<ModelPlanResult> models, boolean manifestFound)
{
    public PlanResult
    {
        requireNonNull(models, "models is null");
    }

    public enum Action
    {
        /** The table or view does not exist (the run creates and loads it), or a view's SQL changed (the run replaces it). */
        CREATE,
        /** An input has new data, or the model's SQL changed: the run loads it. */
        LOAD,
        /** Up to date: the run has nothing to do for it. */
        SKIP,
        /** The table gains columns or widens types (by the schema-evolution rules), then loads. */
        ALTER,
        /** The run would fail it: a change the table cannot take, or a source that does not exist. */
        REFUSE;

        public String jsonName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One model.
     *
     * @param reasons why, for people: the inputs with new snapshots, the models upstream that change, the refusal
     * @param changes what an alter does to the table: "added column x varchar", "widened column y from integer to bigint"
     * @param newSnapshots the input tables with a snapshot newer than the model's last load
     * @param sql the model's compiled SQL against the last run's manifest
     */
    public record ModelPlanResult(String model, ModelKind kind, TableName table, Action action, ImmutableList<String> reasons, ImmutableList<String> changes,
            ImmutableList<TableName> newSnapshots, SqlChange sql)
    {
        public ModelPlanResult
        {
            requireNonNull(model, "model is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(table, "table is null");
            requireNonNull(action, "action is null");
            requireNonNull(reasons, "reasons is null");
            requireNonNull(changes, "changes is null");
            requireNonNull(newSnapshots, "newSnapshots is null");
            requireNonNull(sql, "sql is null");
        }

        /** The run would do something for this model. */
        public boolean hasWork()
        {
            return action != Action.SKIP;
        }
    }

    /** A model's compiled SQL against the manifest: unchanged, changed (with the unified diff) or new (not in it). */
    public record SqlChange(Status status, ImmutableList<String> lines)
    {
        public enum Status
        {
            UNCHANGED, CHANGED, NEW;

            public String jsonName()
            {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public SqlChange
        {
            requireNonNull(status, "status is null");
            requireNonNull(lines, "lines is null");
        }
    }

    /** Whether a run would do anything: create, load, alter, or fail a model. */
    public boolean hasWork()
    {
        return models.stream().anyMatch(ModelPlanResult::hasWork);
    }

    /** Whether a run would fail a model. */
    public boolean refused()
    {
        return models.stream().anyMatch(model -> model.action() == Action.REFUSE);
    }

    public ModelPlanResult model(String name)
    {
        return models.stream().filter(model -> model.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model in the plan: " + name));
    }

    public long count(Action action)
    {
        return models.stream().filter(model -> model.action() == action).count();
    }
}
