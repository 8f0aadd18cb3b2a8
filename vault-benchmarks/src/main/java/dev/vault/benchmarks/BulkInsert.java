package dev.vault.benchmarks;

import com.google.common.base.Stopwatch;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Appends generated rows to a bronze table outside the measured steps, in
 * {@code INSERT ... SELECT CAST(...)} statements of up to {@value #MAX_STATEMENT_CHARS} characters
 * (Trino rejects statements over 1,000,000): one Iceberg snapshot per statement. The rows travel
 * as one string literal per statement, split and cast by the engine: a statement of thousands of
 * {@code VALUES} rows spends seconds in the analyzer, one long literal none.
 */
public final class BulkInsert
{
    public static final int MAX_STATEMENT_CHARS = 900_000;
    /** ASCII unit and record separators: in no generated value. */
    private static final char FIELD_SEPARATOR = 0x1f;
    private static final char ROW_SEPARATOR = 0x1e;

    /** What an append did. */
    public record Load(long rows, int statements, Duration duration)
    {
        public Load plus(Load other)
        {
            return new Load(rows + other.rows, statements + other.statements, duration.plus(other.duration));
        }
    }

    private BulkInsert() {}

    /**
     * Appends {@code rows} to {@code table} (already quoted), each row's values in {@code columns}
     * order and cast to the column's type in {@code types}; an empty or null value is NULL.
     */
    public static Load append(SqlExecutor executor, String table, List<String> columns, List<String> types, Iterable<String[]> rows)
    {
        requireNonNull(executor, "executor is null");
        checkArgument(columns.size() == types.size(), "%s columns but %s types", columns.size(), types.size());
        Stopwatch stopwatch = Stopwatch.createStarted();
        String names = columns.stream().map(SqlText::identifier).collect(Collectors.joining(", "));
        StringBuilder casts = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            casts.append(i == 0 ? "" : ",\n    ").append("CAST(nullif(field[%d], '') AS %s)".formatted(i + 1, types.get(i)));
        }
        String head = "INSERT INTO %s (%s)%nSELECT%n    %s%nFROM (SELECT split(line, chr(%d)) AS field FROM UNNEST(split(".formatted(
                table, names, casts, (int) FIELD_SEPARATOR);
        String tail = ", chr(%d))) AS lines (line))".formatted((int) ROW_SEPARATOR);
        long inserted = 0;
        int statements = 0;
        StringBuilder text = new StringBuilder();
        long literalChars = 0;
        int pending = 0;
        for (String[] fields : rows) {
            checkArgument(fields.length == columns.size(), "a row of %s values for %s columns", fields.length, columns.size());
            String row = Stream.of(fields).map(value -> value == null ? "" : checkSeparators(value)).collect(Collectors.joining(String.valueOf(FIELD_SEPARATOR)));
            // the literal doubles its quotes
            long quoted = row.length() + row.chars().filter(c -> c == '\'').count() + 1;
            if (pending > 0 && head.length() + tail.length() + literalChars + quoted + 2 > MAX_STATEMENT_CHARS) {
                inserted += insert(executor, head + SqlText.literal(text.toString()) + tail, pending);
                statements++;
                text.setLength(0);
                literalChars = 0;
                pending = 0;
            }
            text.append(pending > 0 ? String.valueOf(ROW_SEPARATOR) : "").append(row);
            literalChars += quoted;
            pending++;
        }
        if (pending > 0) {
            inserted += insert(executor, head + SqlText.literal(text.toString()) + tail, pending);
            statements++;
        }
        return new Load(inserted, statements, stopwatch.elapsed());
    }

    private static String checkSeparators(String value)
    {
        checkState(value.indexOf(FIELD_SEPARATOR) < 0 && value.indexOf(ROW_SEPARATOR) < 0, "a generated value holds a separator: %s", value);
        return value;
    }

    private static long insert(SqlExecutor executor, String sql, int expected)
    {
        try {
            long inserted = executor.update(sql);
            checkState(inserted == expected, "inserted %s rows, not %s", inserted, expected);
            return inserted;
        }
        catch (SQLException e) {
            throw new IllegalStateException("loading bronze failed: " + e.getMessage(), e);
        }
    }
}
