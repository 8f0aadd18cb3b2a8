package dev.vault.sql.dialect;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.ExpressionReference;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the column names a Trino SQL expression refers to, so a typo in a derived column is
 * reported when the project loads, with its place, rather than by the engine halfway through a
 * run. It is a lexer, not a parser: names followed by '(' are functions, SQL keywords and type
 * names are skipped, lambda parameters ({@code x -> ...}) are bound, text in quotes is skipped.
 */
final class TrinoExpressions
{
    private static final ImmutableSet<String> KEYWORDS = ImmutableSet.of(
            "all", "and", "any", "array", "as", "asc", "at", "between", "both", "by", "case", "cast", "current_date",
            "current_time", "current_timestamp", "current_user", "day", "days", "desc", "distinct", "else", "end", "escape",
            "exists", "false", "filter", "first", "following", "for", "from", "hour", "in", "interval", "is", "last",
            "leading", "like", "localtime", "localtimestamp", "map", "minute", "month", "not", "null", "nulls", "or",
            "order", "over", "partition", "preceding", "range", "row", "rows", "second", "similar", "some", "then",
            "time", "timestamp", "to", "trailing", "true", "unbounded", "unknown", "week", "when", "where", "with",
            "year", "zone", "quarter", "millisecond", "try_cast",
            // types, as written inside CAST(... AS type)
            "bigint", "boolean", "char", "date", "decimal", "double", "integer", "int", "json", "precision", "real",
            "smallint", "tinyint", "uuid", "varbinary", "varchar", "ipaddress");

    private static final Pattern LAMBDA_PARAMETERS = Pattern.compile("\\(([\\w\\s,\"]*)\\)\\s*->");

    private TrinoExpressions() {}

    static ImmutableList<ExpressionReference> columns(String sql)
    {
        ImmutableList.Builder<ExpressionReference> references = ImmutableList.builder();
        Set<String> lambdaParameters = new HashSet<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline;
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            }
            else if (c == '"') {
                int end = skipQuoted(sql, i, '"');
                // Trino folds quoted names to lower case too
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"").toLowerCase(Locale.ROOT);
                addIfColumn(sql, i, end, name, references, lambdaParameters);
                i = end;
            }
            else if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            }
            else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i);
                if (!KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    addIfColumn(sql, start, i, word.toLowerCase(Locale.ROOT), references, lambdaParameters);
                }
            }
            else {
                i++;
            }
        }
        lambdaParameters.addAll(parenthesizedLambdaParameters(sql));
        return references.build().stream()
                .filter(reference -> !lambdaParameters.contains(reference.name()))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * Why an expression cannot be pasted into a statement, if it cannot: a ';' would end the
     * statement and a comment would swallow the text vault writes after the expression.
     */
    static Optional<String> unsafe(String sql)
    {
        int i = 0;
        int depth = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i, c);
                if (end < 0) {
                    return Optional.of("it has an unclosed " + (c == '\'' ? "string literal" : "quoted name"));
                }
                i = end + 1;
                continue;
            }
            if (c == ';') {
                return Optional.of("it contains ';'; an expression cannot end the statement");
            }
            if ((c == '-' || c == '/') && i + 1 < sql.length() && sql.charAt(i + 1) == (c == '-' ? '-' : '*')) {
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

    /** The parameters of lambdas written {@code (x, y) -> ...}, with string literals blanked out first. */
    private static Set<String> parenthesizedLambdaParameters(String sql)
    {
        StringBuilder masked = new StringBuilder(sql);
        int i = 0;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'') {
                int end = skipQuoted(sql, i, '\'');
                for (int j = i; j < end; j++) {
                    masked.setCharAt(j, ' ');
                }
                i = end;
            }
            else {
                i++;
            }
        }
        Set<String> parameters = new HashSet<>();
        Matcher lambda = LAMBDA_PARAMETERS.matcher(masked);
        while (lambda.find()) {
            for (String parameter : lambda.group(1).split(",")) {
                parameters.add(parameter.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return parameters;
    }

    private static void addIfColumn(String sql, int start, int end, String name, ImmutableList.Builder<ExpressionReference> references, Set<String> lambdaParameters)
    {
        String after = sql.substring(end).stripLeading();
        if (after.startsWith("(")) {
            return; // a function call
        }
        if (after.startsWith("->")) {
            lambdaParameters.add(name);
            return;
        }
        String before = sql.substring(0, start).stripTrailing();
        if (before.endsWith(".")) {
            return; // a field of a row, e.g. r.field
        }
        references.add(new ExpressionReference(name, start));
    }

    /** The index of the quote closing the quoted text at {@code start}, or -1 if it is not closed. */
    private static int closingQuote(String sql, int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int skipQuoted(String sql, int start, char quote)
    {
        int end = closingQuote(sql, start, quote);
        return end < 0 ? sql.length() : end + 1;
    }
}
