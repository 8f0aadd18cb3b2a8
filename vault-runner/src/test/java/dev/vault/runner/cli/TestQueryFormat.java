package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.vault.runner.QueryResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestQueryFormat
{
    @Test
    void tableAlignsNumbersRightAndTextLeft()
    {
        QueryResult result = result(
                List.of("id", "name", "score"),
                List.of("bigint", "varchar", "decimal(5,2)"),
                row(1L, "alice", new BigDecimal("9.50")),
                row(12345L, null, null));

        assertThat(QueryFormat.TABLE.format(result)).isEqualTo(
                "id    | name  | score\n"
                        + "------+-------+------\n"
                        + "    1 | alice |  9.50\n"
                        + "12345 | NULL  |  NULL\n"
                        + "(2 rows)" + System.lineSeparator());
    }

    @Test
    void tableWidthCountsCharactersNotUtf16Units()
    {
        QueryResult result = result(List.of("nome"), List.of("varchar"), row("Sebastião 😀"), row("x"));

        assertThat(QueryFormat.TABLE.format(result)).isEqualTo(
                "nome       \n"
                        + "-----------\n"
                        + "Sebastião 😀\n"
                        + "x          \n"
                        + "(2 rows)" + System.lineSeparator());
    }

    @Test
    void tableFooterSaysRowInTheSingular()
    {
        QueryResult one = result(List.of("n"), List.of("integer"), row(7));
        QueryResult none = result(List.of("n"), List.of("integer"));

        assertThat(QueryFormat.TABLE.format(one)).endsWith("\n7\n(1 row)" + System.lineSeparator());
        assertThat(QueryFormat.TABLE.format(none)).isEqualTo("n\n-\n(0 rows)" + System.lineSeparator());
    }

    @Test
    void csvQuotesFieldsThatNeedItAndWritesNullAsAnEmptyField()
    {
        QueryResult result = result(
                List.of("id", "note", "city, state"),
                List.of("integer", "varchar", "varchar"),
                row(1, "plain", "São Paulo, SP"),
                row(2, "say \"hi\"", null),
                row(3, "line1\nline2", "cr\rhere"),
                row(null, "", "x"));

        assertThat(QueryFormat.CSV.format(result)).isEqualTo(
                "id,note,\"city, state\"\n"
                        + "1,plain,\"São Paulo, SP\"\n"
                        + "2,\"say \"\"hi\"\"\",\n"
                        + "3,\"line1\nline2\",\"cr\rhere\"\n"
                        + ",,x\n");
    }

    @Test
    void csvOfNoRowsIsTheHeader()
    {
        assertThat(QueryFormat.CSV.format(result(List.of("a", "b"), List.of("varchar", "varchar")))).isEqualTo("a,b\n");
    }

    @Test
    void jsonIsAnArrayOfObjectsKeepingNumbersBooleansAndNulls()
            throws Exception
    {
        QueryResult result = result(
                List.of("id", "name", "active", "score", "ratio", "created"),
                List.of("bigint", "varchar", "boolean", "decimal(5,2)", "double", "timestamp(3)"),
                row(1L, "Rafael D'Ávila \"Rafa\"", true, new BigDecimal("9.50"), 0.25, "2026-11-01 03:00:00.000"),
                row(2L, null, false, null, null, null));

        String json = QueryFormat.JSON.format(result);
        JsonNode rows = new ObjectMapper().readTree(json);

        assertThat(json).endsWith("\n");
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.properties()).extracting(Map.Entry::getKey).containsExactly("id", "name", "active", "score", "ratio", "created");
        assertThat(first.get("id").isIntegralNumber()).isTrue();
        assertThat(first.get("id").asLong()).isEqualTo(1L);
        assertThat(first.get("name").isTextual()).isTrue();
        assertThat(first.get("name").asText()).isEqualTo("Rafael D'Ávila \"Rafa\"");
        assertThat(first.get("active").isBoolean()).isTrue();
        assertThat(first.get("active").asBoolean()).isTrue();
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("9.50");
        assertThat(first.get("ratio").isNumber()).isTrue();
        assertThat(first.get("created").isTextual()).isTrue();
        JsonNode second = rows.get(1);
        assertThat(second.get("name").isNull()).isTrue();
        assertThat(second.get("score").isNull()).isTrue();
        assertThat(second.get("active").asBoolean(true)).isFalse();
        assertThat(json).contains("\"id\" : 1,").doesNotContain("\"1\"").doesNotContain("\"null\"");
    }

    @Test
    void jsonOfNoRowsIsAnEmptyArray()
            throws Exception
    {
        JsonNode rows = new ObjectMapper().readTree(QueryFormat.JSON.format(result(List.of("a"), List.of("varchar"))));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).isEmpty();
    }

    @SafeVarargs
    private static QueryResult result(List<String> columns, List<String> types, List<Object>... rows)
    {
        ImmutableList.Builder<List<Object>> list = ImmutableList.builder();
        for (List<Object> row : rows) {
            list.add(row);
        }
        return new QueryResult(ImmutableList.copyOf(columns), ImmutableList.copyOf(types), list.build());
    }

    /** A row as trino-jdbc gives it; may hold nulls. */
    private static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }
}
