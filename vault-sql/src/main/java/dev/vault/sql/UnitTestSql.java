package dev.vault.sql;

import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements of {@code vault test --unit} around the models' own: scratch schemas and the
 * tables holding the fixture rows, and the queries that read both sides of the comparison as
 * text. Both sides go through the engine's casts, so '2026-11-01 03:00 UTC' and the stored
 * timestamp, or '1' and an integer, compare equal.
 */
public final class UnitTestSql
{
    // types come from the models' YAML (validated) or the engine's information_schema
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_(), ]*");

    private UnitTestSql() {}

    public static String createSchema(String catalog, String schema)
    {
        return "CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(catalog) + "." + SqlText.identifier(schema);
    }

    public static String dropSchema(String catalog, String schema)
    {
        return "DROP SCHEMA IF EXISTS " + SqlText.identifier(catalog) + "." + SqlText.identifier(schema);
    }

    public static String dropTable(TableName table)
    {
        return "DROP TABLE IF EXISTS " + SqlText.table(table);
    }

    public static String dropView(TableName table)
    {
        return "DROP VIEW IF EXISTS " + SqlText.table(table);
    }

    /** Every table and view of a schema: {@code table_name, table_type}. */
    public static String relationsOf(String catalog, String schema)
    {
        return "SELECT table_name, table_type FROM " + SqlText.identifier(catalog) + ".information_schema.tables WHERE table_schema = " + SqlText.literal(schema);
    }

    /** An empty table with these columns (name to type, in order). */
    public static String createTable(TableName table, Map<String, String> columns)
    {
        return "CREATE TABLE " + SqlText.table(table) + " (\n"
                + columns.entrySet().stream().map(column -> "    " + SqlText.identifier(column.getKey()) + " " + type(column.getValue())).collect(Collectors.joining(",\n"))
                + "\n)";
    }

    /** An empty table with the columns and types of a view (a stage given rows). */
    public static String createTableLike(TableName table, TableName view)
    {
        return "CREATE TABLE " + SqlText.table(table) + " AS SELECT * FROM " + SqlText.table(view) + " WITH NO DATA";
    }

    /** Inserts rows of text values (empty for null), each cast to its column's type. */
    public static String insert(TableName table, List<String> columns, Map<String, String> types, List<List<Optional<String>>> rows)
    {
        return "INSERT INTO " + SqlText.table(table) + " (" + columns.stream().map(SqlText::identifier).collect(Collectors.joining(", ")) + ")\nVALUES\n"
                + rows.stream().map(row -> "    (" + values(columns, types, row, false) + ")").collect(Collectors.joining(",\n"));
    }

    /** The columns of a model's table or view as text, for the comparison. */
    public static String actualRows(TableName table, List<String> columns)
    {
        return "SELECT " + columns.stream().map(column -> text(SqlText.identifier(column)) + " AS " + SqlText.identifier(column)).collect(Collectors.joining(", "))
                + " FROM " + SqlText.table(table);
    }

    /** The number of rows of a model's table or view. */
    public static String countRows(TableName table)
    {
        return "SELECT count(*) FROM " + SqlText.table(table);
    }

    /** The expected rows as the engine writes them as text: each value cast to its column's type, then to text. */
    public static String expectedRows(List<String> columns, Map<String, String> types, List<List<Optional<String>>> rows)
    {
        List<String> selects = new ArrayList<>();
        for (List<Optional<String>> row : rows) {
            selects.add("SELECT " + values(columns, types, row, true));
        }
        return String.join("\nUNION ALL\n", selects);
    }

    private static String values(List<String> columns, Map<String, String> types, List<Optional<String>> row, boolean asText)
    {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String type = type(types.get(columns.get(i)));
            String value = "CAST(" + row.get(i).map(SqlText::literal).orElse("NULL") + " AS " + type + ")";
            values.add(asText ? text(value) + " AS " + SqlText.identifier(columns.get(i)) : value);
        }
        return String.join(", ", values);
    }

    private static String text(String expression)
    {
        return "CAST(" + expression + " AS varchar)";
    }

    private static String type(String type)
    {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not a column type: " + type);
        }
        return type;
    }
}
