package dev.vault.core.dialect;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small dialect for vault-core's own tests, which cannot see vault-sql's Trino dialect: enough
 * of Trino's types and expressions for the fixture projects and the example, with the same hint
 * and the same reasons an expression is unsafe, so the tests assert the messages users see.
 * vault-sql's {@code TestTrinoTypes} and {@code TestTrinoExpressions} test the real grammar.
 */
public final class TestingDialect
        implements SqlDialect
{
    public static final TestingDialect INSTANCE = new TestingDialect();

    private static final Pattern TYPES = Pattern.compile(String.join("|",
            "boolean", "tinyint", "smallint", "integer", "int", "bigint", "real", "double", "date", "uuid", "varbinary",
            "varchar", "varchar\\(\\d{1,7}\\)", "decimal\\((\\d|[12]\\d|3[0-8])(, ?\\d{1,2})?\\)", "time(\\(6\\))?",
            "timestamp(\\(6\\))?", "timestamp(\\(6\\))? with time zone"));
    private static final ImmutableSet<String> KEYWORDS = ImmutableSet.of(
            "and", "as", "between", "by", "case", "cast", "current_date", "current_timestamp", "distinct", "else", "end", "false",
            "from", "in", "interval", "is", "like", "not", "null", "or", "then", "timestamp", "true", "when", "where", "with", "zone",
            "day", "hour", "minute", "second", "time", "bigint", "boolean", "date", "decimal", "double", "integer", "varchar");

    private TestingDialect() {}

    @Override
    public String normalizeType(String type)
    {
        return type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    @Override
    public boolean isStorableType(String type)
    {
        return TYPES.matcher(type).matches();
    }

    @Override
    public String storableTypesHint()
    {
        return "use one of: boolean, integer, bigint, real, double, decimal(p, s) with p <= 38 and s <= p, varchar, varchar(n), date, " +
                "timestamp(6), timestamp(6) with time zone, uuid, varbinary";
    }

    @Override
    public TypeFamily typeFamily(String type)
    {
        if (type.matches("integer|int|bigint|smallint|tinyint")) {
            return TypeFamily.INTEGER;
        }
        if (type.matches("double|real|decimal.*")) {
            return TypeFamily.DECIMAL;
        }
        if (type.startsWith("timestamp")) {
            return type.endsWith("with time zone") ? TypeFamily.TIMESTAMP_WITH_TIME_ZONE : TypeFamily.TIMESTAMP;
        }
        return switch (type) {
            case "date" -> TypeFamily.DATE;
            case "boolean" -> TypeFamily.BOOLEAN;
            default -> TypeFamily.OTHER;
        };
    }

    @Override
    public String textType()
    {
        return "varchar";
    }

    @Override
    public String hashType()
    {
        return "varchar";
    }

    @Override
    public String loadTimestampType()
    {
        return "timestamp(6) with time zone";
    }

    @Override
    public ImmutableList<ExpressionReference> columnReferences(String expression)
    {
        ImmutableList.Builder<ExpressionReference> references = ImmutableList.builder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = Math.min(afterQuoted(expression, i), expression.length());
            }
            else if (Character.isDigit(c)) {
                while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
            }
            else if (Character.isLetter(c) || c == '_' || c == '"') {
                int start = i;
                String name;
                if (c == '"') {
                    int end = afterQuoted(expression, i);
                    name = expression.substring(start + 1, Math.min(end - 1, expression.length()));
                    i = Math.min(end, expression.length());
                }
                else {
                    while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                        i++;
                    }
                    name = expression.substring(start, i);
                }
                name = name.toLowerCase(Locale.ROOT);
                boolean function = expression.substring(i).stripLeading().startsWith("(");
                boolean field = expression.substring(0, start).stripTrailing().endsWith(".");
                if ((c == '"' || !KEYWORDS.contains(name)) && !function && !field) {
                    references.add(new ExpressionReference(name, start));
                }
            }
            else {
                i++;
            }
        }
        return references.build();
    }

    @Override
    public Optional<String> unsafeExpression(String expression)
    {
        int depth = 0;
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int end = afterQuoted(expression, i);
                if (end > expression.length()) {
                    return Optional.of("it has an unclosed " + (c == '\'' ? "string literal" : "quoted name"));
                }
                i = end;
                continue;
            }
            if (c == ';') {
                return Optional.of("it contains ';'; an expression cannot end the statement");
            }
            if (expression.startsWith("--", i) || expression.startsWith("/*", i)) {
                return Optional.of("it contains a comment; write comments in YAML ('#') instead");
            }
            if (c == '(') {
                depth++;
            }
            else if (c == ')' && --depth < 0) {
                return Optional.of("it has a ')' without a matching '('");
            }
            i++;
        }
        return depth == 0 ? Optional.empty() : Optional.of("it has a '(' without a matching ')'");
    }

    /** The index after the quote closing the quoted text at {@code start} ('' and "" escape a quote); past the end if unclosed. */
    private static int afterQuoted(String text, int start)
    {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length() + 1;
    }
}
