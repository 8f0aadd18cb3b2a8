package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.Statement;

import java.util.Set;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Runs the selected models under the project's run lock: plans the run (what runs, which sources
 * are missing), then hands the models to the {@link ModelScheduler}. Models outside the selection
 * are taken as they are.
 */
final class RunOperation
{
    private final VaultContext context;

    RunOperation(VaultContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    /** Runs {@code selected} of {@code plan}; {@code name} is what the summary calls the run ("Run", "Retry"). */
    RunResult execute(Plan plan, Set<String> selected, int threads, String name)
    {
        checkArgument(threads >= 1, "threads must be at least 1");
        Stopwatch total = Stopwatch.createStarted();
        SqlExecutor executor = context.executor();
        for (Statement schema : plan.schemas()) {
            VaultContext.createSchema(executor, schema);
        }
        RunResult result = context.withRunLock(executor, lock -> runLocked(plan, executor, selected, threads, lock, total));
        context.listener().runFinished(name, result);
        return result;
    }

    private RunResult runLocked(Plan plan, SqlExecutor executor, Set<String> selected, int threads, RunLock lock, Stopwatch total)
    {
        RunPlanner planner = new RunPlanner(context.project());
        ImmutableList<ModelPlan> models = planner.models(plan, selected);
        RunMetadata metadata = planner.metadata(executor, plan);
        ImmutableList<ModelResult> missing = planner.missingSources(metadata, plan, selected);
        // schemas, the run lock, the metadata: what the run costs before its first model
        ExecutionStats setup = executor.stats();
        missing.forEach(result -> context.listener().modelFinished(result, 0, models.size()));
        ModelScheduler scheduler = new ModelScheduler(context.project(), context.listener(), lock::lost, metadata, missing.stream().map(ModelResult::model).toList());
        ImmutableList<ModelResult> results = ImmutableList.<ModelResult>builder()
                .addAll(missing)
                .addAll(scheduler.run(models, threads, executor, context::workerExecutor))
                .build();
        return new RunResult(results, total.elapsed(), setup);
    }
}
