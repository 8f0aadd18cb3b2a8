package dev.vault.sql.dialect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types a model may declare: Trino types that the Iceberg connector can store. The
 * type text is normalized (lower case, single spaces) and then only ever emitted as validated.
 */
final class TrinoTypes
{
    private static final Pattern VALID = Pattern.compile(String.join("|",
            "boolean", "tinyint", "smallint", "integer", "int", "bigint", "real", "double", "date", "uuid", "varbinary",
            "varchar", "varchar\\(\\d{1,7}\\)",
            "decimal\\(\\d{1,2}(, ?\\d{1,2})?\\)",
            "time(\\(6\\))?",
            "timestamp(\\(6\\))?", "timestamp(\\(6\\))? with time zone"));

    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+)(?:, ?(\\d+))?\\)");

    private TrinoTypes() {}

    static String normalize(String type)
    {
        return type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static boolean isValid(String type)
    {
        String normalized = normalize(type);
        if (!VALID.matcher(normalized).matches()) {
            return false;
        }
        Matcher decimal = DECIMAL.matcher(normalized);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            return precision >= 1 && precision <= 38 && scale <= precision;
        }
        return true;
    }

    static String validTypesHint()
    {
        return "use one of: boolean, integer, bigint, real, double, decimal(p, s) with p <= 38 and s <= p, varchar, varchar(n), date, " +
                "timestamp(6), timestamp(6) with time zone, uuid, varbinary";
    }
}
