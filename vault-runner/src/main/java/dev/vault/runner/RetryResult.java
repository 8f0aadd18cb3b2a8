package dev.vault.runner;

import com.google.common.collect.ImmutableSet;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Vault#retry}: the models that failed or were skipped in the last command
 * ({@code previousCommand}, from its run results), and their run; no run when there were none.
 */
public record RetryResult(String previousCommand, ImmutableSet<String> models, Optional<RunResult> run)
{
    public RetryResult
    {
        requireNonNull(previousCommand, "previousCommand is null");
        requireNonNull(models, "models is null");
        requireNonNull(run, "run is null");
    }

    public boolean successful()
    {
        return run.map(RunResult::successful).orElse(true);
    }
}
