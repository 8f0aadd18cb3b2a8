package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.DataTest;
import dev.vault.sql.TrinoQueries;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Runs the data tests of the selected models: the built-in Data Vault integrity checks and the tests in the models' YAML. */
final class TestOperation
{
    private final VaultContext context;

    TestOperation(VaultContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    TestResult execute(Set<String> selected)
    {
        Stopwatch total = Stopwatch.createStarted();
        ImmutableList<DataTest> tests = context.compiler().dataTests().stream()
                .filter(test -> selected.contains(test.model()))
                .collect(ImmutableList.toImmutableList());
        SqlExecutor executor = context.executor();
        ImmutableList.Builder<DataTestResult> results = ImmutableList.builder();
        int index = 0;
        for (DataTest test : tests) {
            index++;
            Stopwatch stopwatch = Stopwatch.createStarted();
            DataTestResult result;
            try {
                long failing = Long.parseLong(executor.queryValue(TrinoQueries.testFailures(test)).orElse("0"));
                ImmutableList<Map<String, Object>> sample = failing == 0 ? ImmutableList.of() : sampleRows(executor.query(TrinoQueries.testSample(test, Vault.TEST_SAMPLE_ROWS)));
                result = new DataTestResult(test.name(), test.model(), test.description(), test.severity(), Optional.of(failing), sample, test.sql(), stopwatch.elapsed(), Optional.empty());
            }
            catch (SQLException e) {
                result = new DataTestResult(test.name(), test.model(), test.description(), test.severity(), Optional.empty(), ImmutableList.of(), test.sql(), stopwatch.elapsed(), Optional.of(e.getMessage()));
            }
            results.add(result);
            context.listener().testFinished(result, index, tests.size());
        }
        TestResult result = new TestResult(results.build(), total.elapsed());
        context.listener().testsFinished(result);
        return result;
    }

    /** Rows as column name to value maps, in column order; values may be null, so not Guava maps. */
    private static ImmutableList<Map<String, Object>> sampleRows(QueryResult rows)
    {
        ImmutableList.Builder<Map<String, Object>> sample = ImmutableList.builder();
        for (List<Object> row : rows.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < rows.columns().size(); i++) {
                values.putIfAbsent(rows.columns().get(i), row.get(i));
            }
            sample.add(Collections.unmodifiableMap(values));
        }
        return sample.build();
    }
}
