package dev.vault.sql.dialect;

import com.google.common.collect.ImmutableList;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.project.HashingSettings;

import java.util.Optional;

/**
 * Trino's SQL as vault writes it over Iceberg: the column types a model may declare, the
 * expression lexer that finds the columns a derived column reads, the types of the standard
 * columns, and the functions that hash keys.
 */
public final class TrinoDialect
        implements SqlDialect
{
    public static final TrinoDialect INSTANCE = new TrinoDialect();

    public static final String TEXT_TYPE = "varchar";
    public static final String HASH_TYPE = "varchar";
    public static final String LOAD_DATETIME_TYPE = "timestamp(6) with time zone";

    private TrinoDialect() {}

    @Override
    public String normalizeType(String type)
    {
        return TrinoTypes.normalize(type);
    }

    @Override
    public boolean isStorableType(String type)
    {
        return TrinoTypes.isValid(type);
    }

    @Override
    public String storableTypesHint()
    {
        return TrinoTypes.validTypesHint();
    }

    @Override
    public TypeFamily typeFamily(String type)
    {
        return switch (type) {
            case "integer", "int", "bigint", "smallint", "tinyint" -> TypeFamily.INTEGER;
            case "double", "real" -> TypeFamily.DECIMAL;
            case "date" -> TypeFamily.DATE;
            case "boolean" -> TypeFamily.BOOLEAN;
            default -> {
                if (type.startsWith("decimal")) {
                    yield TypeFamily.DECIMAL;
                }
                if (type.startsWith("timestamp")) {
                    yield type.endsWith("with time zone") ? TypeFamily.TIMESTAMP_WITH_TIME_ZONE : TypeFamily.TIMESTAMP;
                }
                yield TypeFamily.OTHER;
            }
        };
    }

    @Override
    public String textType()
    {
        return TEXT_TYPE;
    }

    @Override
    public String hashType()
    {
        return HASH_TYPE;
    }

    @Override
    public String loadTimestampType()
    {
        return LOAD_DATETIME_TYPE;
    }

    @Override
    public ImmutableList<ExpressionReference> columnReferences(String expression)
    {
        return TrinoExpressions.columns(expression);
    }

    @Override
    public Optional<String> unsafeExpression(String expression)
    {
        return TrinoExpressions.unsafe(expression);
    }

    /** The Trino function that hashes varbinary with an algorithm, e.g. {@code sha256}. */
    public static String hashFunction(HashingSettings.Algorithm algorithm)
    {
        return switch (algorithm) {
            case SHA256 -> "sha256";
            case SHA512 -> "sha512";
            case MD5 -> "md5";
            case SHA1 -> "sha1";
        };
    }
}
