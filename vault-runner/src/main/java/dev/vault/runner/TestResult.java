package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** The outcome of {@link Vault#test()}. */
public record TestResult(ImmutableList<DataTestResult> tests, Duration duration)
{
    public TestResult
    {
        requireNonNull(tests, "tests is null");
        requireNonNull(duration, "duration is null");
    }

    /** True when no error-severity test failed and every test ran; warnings do not count. */
    public boolean successful()
    {
        return tests.stream().noneMatch(DataTestResult::failed);
    }

    /** The tests that fail the command: error-severity tests with failing rows, and tests that could not run. */
    public ImmutableList<DataTestResult> failures()
    {
        return tests.stream().filter(DataTestResult::failed).collect(ImmutableList.toImmutableList());
    }

    /** Warn-severity tests with failing rows. */
    public ImmutableList<DataTestResult> warnings()
    {
        return tests.stream().filter(test -> test.status() == DataTestResult.Status.WARN).collect(ImmutableList.toImmutableList());
    }

    public long count(DataTestResult.Status status)
    {
        return tests.stream().filter(test -> test.status() == status).count();
    }
}
