package dev.vault.benchmarks.pipeline;

import dev.vault.benchmarks.BulkInsert;
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

/**
 * Fills the example's three bronze tables with generated leads, outside the measured steps. The
 * tables are created from {@code models/bronze/sources.yml} (their columns and types, as
 * {@code vault seed} would) and filled by {@link BulkInsert}: about 6,000 rows per statement, one
 * Iceberg snapshot each.
 */
final class BronzeLoader
{
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
     * {@link LeadCsvWriter#header} order (an empty or null field is NULL).
     */
    BulkInsert.Load append(List<GeneratedLead> leads, Function<GeneratedLead, String[]> fields)
    {
        BulkInsert.Load load = new BulkInsert.Load(0, 0, Duration.ZERO);
        for (Source source : Source.values()) {
            dev.vault.core.model.Source model = sourceModel(source);
            List<String> columns = List.of(LeadCsvWriter.header(source).split(","));
            List<String[]> rows = leads.stream().filter(lead -> lead.source() == source).map(fields).toList();
            load = load.plus(BulkInsert.append(executor, SqlText.table(project.tableName(model)), columns,
                    columns.stream().map(column -> type(model, column)).toList(), rows));
        }
        return load;
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
