package dev.vault.runner;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One data test: a query counting the rows that break a rule (0 means it passes).
 *
 * @param failingRows rows breaking the rule; empty when the test query itself failed
 */
public record DataTestResult(String name, String model, String description, Optional<Long> failingRows, Duration duration, Optional<String> error)
{
    public DataTestResult
    {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(description, "description is null");
        requireNonNull(failingRows, "failingRows is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(error, "error is null");
    }

    public boolean passed()
    {
        return failingRows.isPresent() && failingRows.get() == 0;
    }
}
