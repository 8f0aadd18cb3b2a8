package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Vault#run()} or {@link Vault#seed()}: one result per model, in execution order.
 *
 * @param setup the statements the run executed outside any model: schemas, the run lock, the
 *         metadata it reads once for all models
 */
public record RunResult(ImmutableList<ModelResult> models, Duration duration, ExecutionStats setup)
{
    public RunResult
    {
        requireNonNull(models, "models is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(setup, "setup is null");
    }

    public RunResult(ImmutableList<ModelResult> models, Duration duration)
    {
        this(models, duration, ExecutionStats.NONE);
    }

    public RunResult withSetup(ExecutionStats setup)
    {
        return new RunResult(models, duration, setup);
    }

    /** Every statement of the run, its setup's and its models', with their cost in the engine. */
    public ExecutionStats execution()
    {
        return models.stream().map(ModelResult::execution).reduce(setup, ExecutionStats::plus);
    }

    /**
     * The part of the run's duration spent outside the engine: vault's own overhead. With models
     * running in parallel, engine time adds up across threads and may exceed the wall time.
     */
    public Duration outsideEngine()
    {
        return execution().outsideEngine(duration);
    }

    public boolean successful()
    {
        return models.stream().noneMatch(ModelResult::failed);
    }

    public ImmutableList<ModelResult> failures()
    {
        return models.stream().filter(model -> model.status() == ModelResult.Status.FAILED).collect(ImmutableList.toImmutableList());
    }

    /** How many models ended with this status. */
    public long count(ModelResult.Status status)
    {
        return models.stream().filter(model -> model.status() == status).count();
    }

    public ModelResult model(String name)
    {
        return models.stream().filter(model -> model.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for model " + name));
    }

    public long rowsWritten()
    {
        return models.stream().mapToLong(model -> model.rowsWritten().orElse(0)).sum();
    }
}
