package dev.vault.sql.dialect;

import dev.vault.core.dialect.ExpressionReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestTrinoExpressions
{
    @Test
    void columnNames()
    {
        assertThat(columns("nullif(trim(concat_ws(' ', trim(first_name), trim(last_name))), '')")).containsExactly("first_name", "last_name");
        assertThat(columns("a + b * c")).containsExactly("a", "b", "c");
        assertThat(columns("coalesce(email_normalizado, telefone)")).containsExactly("email_normalizado", "telefone");
    }

    @Test
    void offsets()
    {
        assertThat(TrinoExpressions.columns("  foo + bar")).containsExactly(new ExpressionReference("foo", 2), new ExpressionReference("bar", 8));
    }

    @Test
    void namesAreLowerCased()
    {
        assertThat(columns("Email || LAST_NAME")).containsExactly("email", "last_name");
    }

    @Test
    void functionNamesAreNotColumns()
    {
        assertThat(columns("upper(name)")).containsExactly("name");
        assertThat(columns("coalesce (a, b)")).containsExactly("a", "b");
        assertThat(columns("regexp_replace(phone, '[^0-9]', '')")).containsExactly("phone");
        assertThat(columns("now()")).isEmpty();
    }

    @Test
    void keywordsAreNotColumns()
    {
        assertThat(columns("CASE WHEN a IS NOT NULL AND b THEN c ELSE NULL END")).containsExactly("a", "b", "c");
        assertThat(columns("case when length(t) in (12, 13) and starts_with(t, '55') then substr(t, 3) else t end"))
                .containsExactly("t", "t", "t", "t");
        assertThat(columns("x BETWEEN 1 AND 2 OR y LIKE 'a%' ESCAPE '\\'")).containsExactly("x", "y");
        assertThat(columns("ts AT TIME ZONE 'UTC'")).containsExactly("ts");
        assertThat(columns("current_timestamp - INTERVAL '1' DAY")).isEmpty();
        assertThat(columns("true OR false OR NULL")).isEmpty();
        assertThat(columns("extract(YEAR FROM created_at)")).containsExactly("created_at");
    }

    @Test
    void stringLiteralsAreSkipped()
    {
        assertThat(columns("'first_name' || x")).containsExactly("x");
        assertThat(columns("'it''s a name' || y")).containsExactly("y");
        assertThat(columns("concat_ws(' ', a, 'b c d')")).containsExactly("a");
        assertThat(columns("'unclosed name")).isEmpty();
    }

    @Test
    void quotedNamesAreColumns()
    {
        assertThat(columns("\"full_name\" || 'x'")).containsExactly("full_name");
        assertThat(columns("\"a\"\"b\"")).containsExactly("a\"b");
        assertThat(columns("\"r\".\"field\"")).containsExactly("r");
    }

    @Test
    void commentsAreSkipped()
    {
        assertThat(columns("a -- b\n + c")).containsExactly("a", "c");
        assertThat(columns("/* b */ a")).containsExactly("a");
        assertThat(columns("a /* unclosed b")).containsExactly("a");
    }

    @Test
    void lambdaParametersAreNotColumns()
    {
        assertThat(columns("transform(a, x -> x + 1)")).containsExactly("a");
        assertThat(columns("filter(tags, t -> t <> '')")).containsExactly("tags");
        assertThat(columns("any_match(items, item -> item.price > limit_price)")).containsExactly("items", "limit_price");
    }

    @Test
    void parenthesizedLambdaParametersAreNotColumns()
    {
        assertThat(columns("zip_with(a, b, (x, y) -> x + y)")).containsExactly("a", "b");
        assertThat(columns("map_filter(m, (k, v) -> v IS NOT NULL)")).containsExactly("m");
        assertThat(columns("transform(a, (x) -> x + 1)")).containsExactly("a");
    }

    @Test
    void rowFieldsAfterDotAreNotColumns()
    {
        assertThat(columns("r.field + s.other")).containsExactly("r", "s");
        assertThat(columns("r . field")).containsExactly("r");
    }

    @Test
    void castTypesAreNotColumns()
    {
        assertThat(columns("CAST(age AS varchar)")).containsExactly("age");
        assertThat(columns("CAST(amount AS decimal(10, 2))")).containsExactly("amount");
        assertThat(columns("cast(x AS varchar(10))")).containsExactly("x");
        assertThat(columns("CAST(ts AS timestamp(6) with time zone)")).containsExactly("ts");
        assertThat(columns("try_cast(n AS bigint) + CAST(d AS double precision)")).containsExactly("n", "d");
    }

    @Test
    void numbersAreNotColumns()
    {
        assertThat(columns("a * 2.5e3 + 10 - 0x1f")).containsExactly("a");
    }

    @Test
    void safeExpressions()
    {
        assertThat(TrinoExpressions.unsafe("nullif(trim(concat_ws(' ', trim(first_name), trim(last_name))), '')")).isEmpty();
        assertThat(TrinoExpressions.unsafe("';' || x")).isEmpty();
        assertThat(TrinoExpressions.unsafe("'--' || '/*' || \"a;b\"")).isEmpty();
        assertThat(TrinoExpressions.unsafe("'it''s'")).isEmpty();
        assertThat(TrinoExpressions.unsafe("a - -b")).isEmpty();
        assertThat(TrinoExpressions.unsafe("a / b")).isEmpty();
        assertThat(TrinoExpressions.unsafe("')' || '('")).isEmpty();
        assertThat(TrinoExpressions.unsafe("")).isEmpty();
    }

    @Test
    void semicolonIsUnsafe()
    {
        assertThat(TrinoExpressions.unsafe("a; DROP TABLE x")).contains("it contains ';'; an expression cannot end the statement");
        assertThat(TrinoExpressions.unsafe("a;")).contains("it contains ';'; an expression cannot end the statement");
    }

    @Test
    void commentsAreUnsafe()
    {
        assertThat(TrinoExpressions.unsafe("a -- the rest")).contains("it contains a comment; write comments in YAML ('#') instead");
        assertThat(TrinoExpressions.unsafe("a--b")).contains("it contains a comment; write comments in YAML ('#') instead");
        assertThat(TrinoExpressions.unsafe("a /* x */")).contains("it contains a comment; write comments in YAML ('#') instead");
    }

    @Test
    void unbalancedParenthesesAreUnsafe()
    {
        assertThat(TrinoExpressions.unsafe("upper(a")).contains("it has a '(' without a matching ')'");
        assertThat(TrinoExpressions.unsafe("a) AS x, (b")).contains("it has a ')' without a matching '('");
        assertThat(TrinoExpressions.unsafe(")(")).contains("it has a ')' without a matching '('");
    }

    @Test
    void unclosedQuotesAreUnsafe()
    {
        assertThat(TrinoExpressions.unsafe("'abc")).contains("it has an unclosed string literal");
        assertThat(TrinoExpressions.unsafe("'abc''")).contains("it has an unclosed string literal");
        assertThat(TrinoExpressions.unsafe("x || 'it''s")).contains("it has an unclosed string literal");
        assertThat(TrinoExpressions.unsafe("\"abc")).contains("it has an unclosed quoted name");
    }

    private static List<String> columns(String sql)
    {
        return TrinoExpressions.columns(sql).stream().map(ExpressionReference::name).toList();
    }
}
