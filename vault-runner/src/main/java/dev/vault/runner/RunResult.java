package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The outcome of {@link Vault#run()} or {@link Vault#seed()}: one result per model, in execution order. */
public record RunResult(ImmutableList<ModelResult> models, Duration duration)
{
    public RunResult
    {
        requireNonNull(models, "models is null");
        requireNonNull(duration, "duration is null");
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
