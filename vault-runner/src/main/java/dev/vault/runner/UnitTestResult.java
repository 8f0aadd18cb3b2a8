package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Location;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What {@code vault test --unit} found: one outcome per unit test on fixtures. */
public record UnitTestResult(ImmutableList<Outcome> tests, Duration duration)
{
    public UnitTestResult
    {
        requireNonNull(tests, "tests is null");
        requireNonNull(duration, "duration is null");
    }

    public boolean successful()
    {
        return tests.stream().allMatch(Outcome::passed);
    }

    public long count(Status status)
    {
        return tests.stream().filter(test -> test.status() == status).count();
    }

    public Outcome test(String name)
    {
        return tests.stream().filter(test -> test.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit test named " + name));
    }

    public enum Status
    {
        PASS, FAIL, ERROR
    }

    /**
     * One unit test: the rows the model should have held and did not ({@code missing}), and those
     * it held that were not expected ({@code unexpected}), on the compared {@code columns}; values
     * as text, null for SQL NULL.
     *
     * @param built the models built from the fixtures for the test, in build order
     * @param error why the test could not compare, e.g. a model that failed on the fixture rows
     */
    public record Outcome(
            String name,
            String model,
            Location location,
            ImmutableList<String> built,
            ImmutableList<String> columns,
            ImmutableList<List<String>> missing,
            ImmutableList<List<String>> unexpected,
            long actualRows,
            Optional<String> error,
            Duration duration)
    {
        public Outcome
        {
            requireNonNull(name, "name is null");
            requireNonNull(model, "model is null");
            requireNonNull(location, "location is null");
            requireNonNull(built, "built is null");
            requireNonNull(columns, "columns is null");
            requireNonNull(missing, "missing is null");
            requireNonNull(unexpected, "unexpected is null");
            requireNonNull(error, "error is null");
            requireNonNull(duration, "duration is null");
        }

        public Status status()
        {
            if (error.isPresent()) {
                return Status.ERROR;
            }
            return missing.isEmpty() && unexpected.isEmpty() ? Status.PASS : Status.FAIL;
        }

        public boolean passed()
        {
            return status() == Status.PASS;
        }

        /** The row diff, one line per row: '- ' rows expected and missing, '+ ' rows found and not expected. */
        public String diff()
        {
            List<String> lines = new ArrayList<>();
            if (!missing.isEmpty()) {
                lines.add("missing rows (expected, not in %s):".formatted(model));
                missing.forEach(row -> lines.add("- " + row(row)));
            }
            if (!unexpected.isEmpty()) {
                lines.add("unexpected rows (in %s, not expected):".formatted(model));
                unexpected.forEach(row -> lines.add("+ " + row(row)));
            }
            return String.join("\n", lines);
        }

        private String row(List<String> values)
        {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(columns.get(i) + ": " + (values.get(i) == null ? "null" : values.get(i)));
            }
            return "{" + String.join(", ", cells) + "}";
        }
    }
}
