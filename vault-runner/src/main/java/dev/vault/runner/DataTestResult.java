package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.DeclaredTest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One data test: a query selecting the rows that break a rule, counted (none means it passes)
 * and, when some do, a few of them to show what is wrong.
 *
 * @param failingRows rows breaking the rule; empty when the test query itself failed
 * @param sampleRows up to {@link Vault#TEST_SAMPLE_ROWS} failing rows, column name to value (values may be null), in column order
 * @param sql the query selecting the failing rows
 */
public record DataTestResult(
        String name,
        String model,
        String description,
        DeclaredTest.Severity severity,
        Optional<Long> failingRows,
        ImmutableList<Map<String, Object>> sampleRows,
        String sql,
        Duration duration,
        Optional<String> error)
{
    public enum Status
    {
        /** No row breaks the rule. */
        PASS,
        /** Rows break a warn-severity rule: reported, the command still succeeds. */
        WARN,
        /** Rows break an error-severity rule. */
        FAIL,
        /** The test query itself failed. */
        ERROR
    }

    public DataTestResult
    {
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        requireNonNull(description, "description is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(failingRows, "failingRows is null");
        requireNonNull(sampleRows, "sampleRows is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(error, "error is null");
    }

    /** An error-severity result without sample rows or SQL. */
    public DataTestResult(String name, String model, String description, Optional<Long> failingRows, Duration duration, Optional<String> error)
    {
        this(name, model, description, DeclaredTest.Severity.ERROR, failingRows, ImmutableList.of(), "", duration, error);
    }

    /** Whether no row breaks the rule. */
    public boolean passed()
    {
        return failingRows.isPresent() && failingRows.get() == 0;
    }

    public Status status()
    {
        if (failingRows.isEmpty()) {
            return Status.ERROR;
        }
        if (failingRows.get() == 0) {
            return Status.PASS;
        }
        return severity == DeclaredTest.Severity.WARN ? Status.WARN : Status.FAIL;
    }

    /** Whether the result fails the command: an error-severity test with failing rows, or a test that could not run. */
    public boolean failed()
    {
        return status() == Status.FAIL || status() == Status.ERROR;
    }
}
