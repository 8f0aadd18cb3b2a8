package dev.vault.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The column types a model may declare: Trino types that the Iceberg connector can store. The
 * type text is normalized (lower case, single spaces) and then only ever emitted as validated.
 */
public final class TrinoTypes
{
    private static final Pattern VALID = Pattern.compile(String.join("|",
            "boolean", "tinyint", "smallint", "integer", "int", "bigint", "real", "double", "date", "uuid", "varbinary",
            "varchar", "varchar\\(\\d{1,7}\\)",
            "decimal\\(\\d{1,2}(, ?\\d{1,2})?\\)",
            "time(\\(6\\))?",
            "timestamp(\\(6\\))?", "timestamp(\\(6\\))? with time zone"));

    private TrinoTypes() {}

    public static String normalize(String type)
    {
        return type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public static boolean isValid(String type)
    {
        return VALID.matcher(normalize(type)).matches();
    }

    public static String validTypesHint()
    {
        return "use one of: boolean, integer, bigint, real, double, decimal(p, s), varchar, varchar(n), date, " +
                "timestamp(6), timestamp(6) with time zone, uuid, varbinary";
    }
}
