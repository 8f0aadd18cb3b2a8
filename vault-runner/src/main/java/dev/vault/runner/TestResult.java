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

    public boolean successful()
    {
        return tests.stream().allMatch(DataTestResult::passed);
    }

    public ImmutableList<DataTestResult> failures()
    {
        return tests.stream().filter(test -> !test.passed()).collect(ImmutableList.toImmutableList());
    }
}
