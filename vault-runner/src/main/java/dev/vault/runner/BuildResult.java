package dev.vault.runner;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Vault#build}: the seed, then the run if the seed succeeded, then the data
 * tests if the run succeeded.
 */
public record BuildResult(RunResult seed, Optional<RunResult> run, Optional<TestResult> tests)
{
    public BuildResult
    {
        requireNonNull(seed, "seed is null");
        requireNonNull(run, "run is null");
        requireNonNull(tests, "tests is null");
    }

    /** True when every seed and model loaded and no error-severity data test failed. */
    public boolean successful()
    {
        return loaded() && tests.map(TestResult::successful).orElse(false);
    }

    /** True when the seed and the run succeeded, whatever the data tests found. */
    public boolean loaded()
    {
        return seed.successful() && run.map(RunResult::successful).orElse(false);
    }
}
