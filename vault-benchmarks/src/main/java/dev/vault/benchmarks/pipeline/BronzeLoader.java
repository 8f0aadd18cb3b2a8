package dev.vault.benchmarks.pipeline;

import com.google.common.base.Stopwatch;
import dev.vault.benchmarks.truth.GeneratedLead;
import dev.vault.benchmarks.truth.LeadCsvWriter;
import dev.vault.benchmarks.truth.Source;
import dev.vault.core.model.Column;
import dev.vault.core.model.Project;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkState;

/**
 * Fills the example's three bronze tables with generated leads, outside the measured steps. The
 * tables are created from {@code models/bronze/sources.yml} (their columns and types, as
 * {@code vault seed} would) and filled with {@code INSERT ... SELECT CAST(...)} statements of up to
 * {@value #MAX_STATEMENT_CHARS} characters (Trino rejects statements over 1,000,000): about 6,000
 * rows each, one Iceberg snapshot per statement.
 */
final class BronzeLoader
{
    static final int MAX_STATEMENT_CHARS = 900_000;
    /** ASCII unit and record separators: in no generated value. */
    private static final char FIELD_SEPARATOR = 0x1f;
    private static final char ROW_SEPARATOR = 0x1e;

    /** What a load did. */
    record Load(long rows, int statements, Duration duration) {}

    private final Project project;
    private final SqlExecutor executor;

    BronzeLoader(Project project, SqlExecutor executor)
    {
        this.project = project;
        this.executor = executor;
    }

    /** Creates the schema and the three source tables, empty. */
    void create()
    {
        Source first = Source.values()[0];
        var firstTable = project.tableName(sourceModel(first));
        update("CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(firstTable.catalog()) + "." + SqlText.identifier(firstTable.schema()));
        for (Source source : Source.values()) {
            dev.vault.core.model.Source model = sourceModel(source);
            update("CREATE TABLE %s (%n    %s%n)%nWITH (format = 'PARQUET', format_version = 2)".formatted(SqlText.table(project.tableName(model)),
                    model.columns().stream().map(column -> SqlText.identifier(column.name()) + " " + column.type()).collect(Collectors.joining(",\n    "))));
        }
    }

    /**
     * Appends {@code leads} to their sources' tables; {@code fields} gives a lead's values in
     * {@link LeadCsvWriter#header} order (an empty or null field is NULL). The rows travel as one
     * string literal per statement, split and cast by the engine: a statement of thousands of
     * {@code VALUES} rows spends seconds in the analyzer, one long literal none.
     */
    Load append(List<GeneratedLead> leads, Function<GeneratedLead, String[]> fields)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        long rows = 0;
        int statements = 0;
        for (Source source : Source.values()) {
            dev.vault.core.model.Source model = sourceModel(source);
            List<String> columns = List.of(LeadCsvWriter.header(source).split(","));
            String names = columns.stream().map(SqlText::identifier).collect(Collectors.joining(", "));
            StringBuilder casts = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                casts.append(i == 0 ? "" : ",\n    ").append("CAST(nullif(field[%d], '') AS %s)".formatted(i + 1, type(model, columns.get(i))));
            }
            String head = "INSERT INTO %s (%s)%nSELECT%n    %s%nFROM (SELECT split(line, chr(%d)) AS field FROM UNNEST(split(".formatted(
                    SqlText.table(project.tableName(model)), names, casts, (int) FIELD_SEPARATOR);
            String tail = ", chr(%d))) AS lines (line))".formatted((int) ROW_SEPARATOR);
            StringBuilder text = new StringBuilder();
            long literalChars = 0;
            int pending = 0;
            for (GeneratedLead lead : leads) {
                if (lead.source() != source) {
                    continue;
                }
                String row = Stream.of(fields.apply(lead)).map(value -> value == null ? "" : checkSeparators(value)).collect(Collectors.joining(String.valueOf(FIELD_SEPARATOR)));
                // the literal doubles its quotes
                long quoted = row.length() + row.chars().filter(c -> c == '\'').count() + 1;
                if (pending > 0 && head.length() + tail.length() + literalChars + quoted + 2 > MAX_STATEMENT_CHARS) {
                    rows += insert(head + SqlText.literal(text.toString()) + tail, pending);
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
                rows += insert(head + SqlText.literal(text.toString()) + tail, pending);
                statements++;
            }
        }
        return new Load(rows, statements, stopwatch.elapsed());
    }

    private static String checkSeparators(String value)
    {
        checkState(value.indexOf(FIELD_SEPARATOR) < 0 && value.indexOf(ROW_SEPARATOR) < 0, "a generated value holds a separator: %s", value);
        return value;
    }

    private dev.vault.core.model.Source sourceModel(Source source)
    {
        return project.model(source.table(), dev.vault.core.model.Source.class);
    }

    private static String type(dev.vault.core.model.Source model, String column)
    {
        return model.columns().stream().filter(candidate -> candidate.name().equals(column)).map(Column::type).findFirst()
                .orElseThrow(() -> new IllegalStateException(model.name() + " has no column " + column));
    }

    private long insert(String sql, int expected)
    {
        long inserted = update(sql);
        checkState(inserted == expected, "inserted %s rows, not %s", inserted, expected);
        return inserted;
    }

    private long update(String sql)
    {
        try {
            return executor.update(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("loading bronze failed: " + e.getMessage(), e);
        }
    }
}
