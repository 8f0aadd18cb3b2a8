package dev.vault.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vault.runner.QueryResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** How {@code vault query} prints rows. */
enum QueryFormat
{
    /** Aligned columns with a header, like the Trino CLI; numbers right-aligned, NULL shown as NULL. */
    TABLE {
        @Override
        String format(QueryResult result)
        {
            int columns = result.columns().size();
            int[] widths = new int[columns];
            List<String[]> cells = new ArrayList<>();
            for (List<Object> row : result.rows()) {
                String[] texts = new String[columns];
                for (int i = 0; i < columns; i++) {
                    texts[i] = row.get(i) == null ? "NULL" : row.get(i).toString();
                }
                cells.add(texts);
            }
            for (int i = 0; i < columns; i++) {
                widths[i] = result.columns().get(i).length();
                for (String[] row : cells) {
                    widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
                }
            }
            StringBuilder out = new StringBuilder();
            line(out, result.columns().toArray(String[]::new), widths, new boolean[columns]);
            for (int i = 0; i < columns; i++) {
                out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
            }
            out.append('\n');
            boolean[] numeric = new boolean[columns];
            for (int i = 0; i < columns; i++) {
                String type = result.types().get(i).toLowerCase(Locale.ROOT);
                numeric[i] = type.matches("tinyint|smallint|integer|bigint|real|double|decimal.*");
            }
            for (String[] row : cells) {
                line(out, row, widths, numeric);
            }
            out.append("(%d row%s)\n".formatted(cells.size(), cells.size() == 1 ? "" : "s"));
            return out.toString();
        }

        private static void line(StringBuilder out, String[] values, int[] widths, boolean[] rightAligned)
        {
            for (int i = 0; i < values.length; i++) {
                String padding = " ".repeat(widths[i] - values[i].codePointCount(0, values[i].length()));
                out.append(i == 0 ? "" : " | ").append(rightAligned[i] ? padding + values[i] : values[i] + padding);
            }
            out.append('\n');
        }
    },

    /** RFC 4180 with a header row; NULL is an empty field. */
    CSV {
        @Override
        String format(QueryResult result)
        {
            StringBuilder out = new StringBuilder();
            out.append(String.join(",", result.columns().stream().map(CSV_FIELD::apply).toList())).append('\n');
            for (List<Object> row : result.rows()) {
                out.append(String.join(",", row.stream().map(value -> value == null ? "" : CSV_FIELD.apply(value.toString())).toList())).append('\n');
            }
            return out.toString();
        }
    },

    /** A JSON array with one object per row; numbers and booleans as JSON values. */
    JSON {
        @Override
        String format(QueryResult result)
        {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : result.rows()) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < result.columns().size(); i++) {
                    object.put(result.columns().get(i), row.get(i));
                }
                rows.add(object);
            }
            try {
                return JSON_MAPPER.writeValueAsString(rows) + "\n";
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Function<String, String> CSV_FIELD = value ->
            value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                    ? "\"" + value.replace("\"", "\"\"") + "\""
                    : value;

    abstract String format(QueryResult result);
}
