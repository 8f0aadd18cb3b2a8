package dev.vault.sql;

import dev.vault.core.model.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlText
{
    @Test
    void identifierQuotesValidNames()
    {
        assertThat(SqlText.identifier("hub_pessoa")).isEqualTo("\"hub_pessoa\"");
        assertThat(SqlText.identifier("_loaded_at")).isEqualTo("\"_loaded_at\"");
        assertThat(SqlText.identifier("a1")).isEqualTo("\"a1\"");
        assertThat(SqlText.identifier("x".repeat(128))).isEqualTo("\"" + "x".repeat(128) + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hub", "HUB_PESSOA", "a\"b", "x\"; DROP TABLE t; --", "a;b", "", "1abc", "a b", "a-b", "a.b", "pessoa_ção", "a$b"})
    void identifierRejectsInvalidNames(String name)
    {
        assertThatThrownBy(() -> SqlText.identifier(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid identifier");
    }

    @Test
    void identifierRejectsNamesLongerThan128Characters()
    {
        assertThatThrownBy(() -> SqlText.identifier("x".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalDoublesSingleQuotes()
    {
        assertThat(SqlText.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlText.literal("'")).isEqualTo("''''");
        assertThat(SqlText.literal("Rafael D'Ávila")).isEqualTo("'Rafael D''Ávila'");
        assertThat(SqlText.literal("x'; DROP TABLE t; --")).isEqualTo("'x''; DROP TABLE t; --'");
    }

    @Test
    void literalKeepsEverythingElseAsIs()
    {
        assertThat(SqlText.literal("")).isEqualTo("''");
        assertThat(SqlText.literal("São Paulo – ✓ 😀 日本")).isEqualTo("'São Paulo – ✓ 😀 日本'");
        // Trino string literals have no backslash escapes: '\N' is the two characters \ and N
        assertThat(SqlText.literal("\\N")).isEqualTo("'\\N'");
        assertThat(SqlText.literal("a\"b")).isEqualTo("'a\"b'");
        assertThat(SqlText.literal("line1\nline2")).isEqualTo("'line1\nline2'");
    }

    @Test
    void literalRejectsNul()
    {
        assertThatThrownBy(() -> SqlText.literal("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void tableQuotesEveryPart()
    {
        assertThat(SqlText.table(new TableName("iceberg", "silver", "hub_pessoa"))).isEqualTo("\"iceberg\".\"silver\".\"hub_pessoa\"");
    }

    @Test
    void metadataTableQuotesTheTableAndSuffixAsOneName()
    {
        TableName table = new TableName("iceberg", "silver", "hub_pessoa");
        assertThat(SqlText.metadataTable(table, "snapshots")).isEqualTo("\"iceberg\".\"silver\".\"hub_pessoa$snapshots\"");
        assertThat(SqlText.metadataTable(table, "all_manifests")).isEqualTo("\"iceberg\".\"silver\".\"hub_pessoa$all_manifests\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Snapshots", "snap shots", "snapshots\"", "snapshots$x", "history1", "x\"; --"})
    void metadataTableRejectsOtherSuffixes(String suffix)
    {
        TableName table = new TableName("iceberg", "silver", "hub_pessoa");
        assertThatThrownBy(() -> SqlText.metadataTable(table, suffix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a metadata table");
    }

    @Test
    void internalIdentifierNeedsADollar()
    {
        assertThat(SqlText.internalIdentifier("hk_pessoa$input")).isEqualTo("\"hk_pessoa$input\"");
        assertThat(SqlText.internalIdentifier("first_seen$rank")).isEqualTo("\"first_seen$rank\"");
        assertThat(SqlText.internalIdentifier("_x$1")).isEqualTo("\"_x$1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hk_pessoa", "$input", "hk$", "HK$input", "hk$Input", "a$b$c", "1a$b", "a$b\"", "a$b;", "", "a b$c"})
    void internalIdentifierRejectsOtherNames(String name)
    {
        assertThatThrownBy(() -> SqlText.internalIdentifier(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an internal identifier");
    }

    @Test
    void commentRemovesLineBreaks()
    {
        assertThat(SqlText.comment("one\ntwo")).isEqualTo("one two");
        assertThat(SqlText.comment("one\r\ntwo\rthree\n\n\nfour")).isEqualTo("one two three four");
        assertThat(SqlText.comment("models/x.yml:2:5\nDROP TABLE t")).doesNotContain("\n");
        assertThat(SqlText.comment("ends */ here")).isEqualTo("ends * / here");
        assertThat(SqlText.comment("plain text")).isEqualTo("plain text");
    }
}
