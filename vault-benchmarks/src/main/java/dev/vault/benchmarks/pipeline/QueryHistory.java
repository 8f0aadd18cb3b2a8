package dev.vault.benchmarks.pipeline;

import com.google.common.collect.ImmutableList;
import dev.vault.runner.QueryResult;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The engine's own record of the statements it ran ({@code system.runtime.queries}): the slowest
 * statements of a step, named by the model comment vault puts first ({@code -- vault hub: hub_pessoa})
 * and the statement's first words. The engine keeps the last 100 queries.
 */
final class QueryHistory
{
    private static final Pattern MODEL = Pattern.compile("^-- vault \\w+: (\\S+)");

    /** One statement: what it was, and its elapsed time. */
    record Query(String label, double seconds)
    {
        Query
        {
            requireNonNull(label, "label is null");
        }
    }

    private final SqlExecutor executor;

    QueryHistory(SqlExecutor executor)
    {
        this.executor = executor;
    }

    /** The {@code limit} slowest finished statements created at or after {@code since}. */
    ImmutableList<Query> since(Instant since, int limit)
    {
        try {
            QueryResult rows = executor.query("""
                    SELECT query, CAST(to_milliseconds("end" - created) AS bigint) AS millis
                    FROM system.runtime.queries
                    WHERE created >= from_iso8601_timestamp(%s) AND state = 'FINISHED' AND "end" IS NOT NULL
                    ORDER BY "end" - created DESC
                    LIMIT %d""".formatted(SqlText.literal(since.toString()), limit));
            ImmutableList.Builder<Query> queries = ImmutableList.builder();
            for (List<Object> row : rows.rows()) {
                queries.add(new Query(label((String) row.get(0)), ((Number) row.get(1)).longValue() / 1000.0));
            }
            return queries.build();
        }
        catch (SQLException e) {
            return ImmutableList.of(new Query("query history unavailable: " + e.getMessage(), 0));
        }
    }

    /** {@code hub_pessoa: CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_keys" AS} and the like. */
    static String label(String sql)
    {
        String model = "";
        StringBuilder statement = new StringBuilder();
        for (String line : sql.strip().split("\n")) {
            Matcher matcher = MODEL.matcher(line);
            if (matcher.find() && model.isEmpty()) {
                model = matcher.group(1) + ": ";
            }
            else if (!line.startsWith("--") && !line.isBlank()) {
                statement.append(statement.isEmpty() ? "" : " ").append(line.strip());
                if (statement.length() > 110) {
                    break;
                }
            }
        }
        String text = statement.length() > 110 ? statement.substring(0, 110) + "..." : statement.toString();
        return model + text;
    }
}
