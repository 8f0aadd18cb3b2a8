package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Decides what a run does before any model runs: the selected models' plans in build order, and
 * the sources they read that are missing (those fail the run, and what reads them is skipped).
 * Whether a model is up to date is its plan's guard, which {@link PlanExecutor} checks.
 */
final class RunPlanner
{
    private final Project project;

    RunPlanner(Project project)
    {
        this.project = requireNonNull(project, "project is null");
    }

    /** The selected models in build order, leaving out sources: nothing runs for them. */
    ImmutableList<ModelPlan> models(Plan plan, Set<String> selected)
    {
        return plan.models().values().stream()
                .filter(model -> !(model.model() instanceof Source))
                .filter(model -> selected.contains(model.model().name()))
                .collect(ImmutableList.toImmutableList());
    }

    /** A failed result for every source a selected model reads whose table does not exist. */
    ImmutableList<ModelResult> missingSources(RunMetadata metadata, Plan plan, Set<String> selected)
    {
        Set<String> existingSources = metadata.existingAtStart(project.config().catalog());
        // the sources the selected models read: only their absence is a failure of this run
        Set<String> needed = new HashSet<>(selected);
        selected.forEach(model -> needed.addAll(project.graph().ancestors(model)));
        ImmutableList.Builder<ModelResult> results = ImmutableList.builder();
        for (ModelPlan model : plan.models().values()) {
            if (model.model() instanceof Source source && needed.contains(source.name())
                    && !existingSources.contains(model.target().schema() + "." + model.target().table())) {
                results.add(new ModelResult(source.name(), ModelKind.SOURCE, ModelResult.Status.FAILED, OptionalLong.empty(), Duration.ZERO, "missing",
                        Optional.of("source table %s does not exist (source '%s' at %s): land the data there, or run 'vault seed' to load the example CSV files"
                                .formatted(model.target(), source.name(), source.location()))));
            }
        }
        return results.build();
    }

    /** What the run knows of its tables, read once at its start (see {@link RunMetadata}). */
    RunMetadata metadata(SqlExecutor executor, Plan plan)
    {
        try {
            return RunMetadata.read(executor, plan);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the tables of catalog %s: %s".formatted(project.config().catalog(), e.getMessage()), e);
        }
    }
}
