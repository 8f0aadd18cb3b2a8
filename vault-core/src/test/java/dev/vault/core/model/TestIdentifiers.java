package dev.vault.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIdentifiers
{
    @Test
    void validNames()
    {
        assertThat(Identifiers.isValid("hub_pessoa")).isTrue();
        assertThat(Identifiers.isValid("_loaded_at")).isTrue();
        assertThat(Identifiers.isValid("a1")).isTrue();
        assertThat(Identifiers.isValid("a".repeat(128))).isTrue();
        assertThat(Identifiers.check("hk_pessoa", "column")).isEmpty();
    }

    @Test
    void invalidNames()
    {
        assertThat(Identifiers.isValid("")).isFalse();
        assertThat(Identifiers.isValid("Hub")).isFalse();
        assertThat(Identifiers.isValid("1st")).isFalse();
        assertThat(Identifiers.isValid("a-b")).isFalse();
        assertThat(Identifiers.isValid("a b")).isFalse();
        assertThat(Identifiers.isValid("\"a\"")).isFalse();
        assertThat(Identifiers.isValid("a;")).isFalse();
        assertThat(Identifiers.isValid("ação")).isFalse();
        assertThat(Identifiers.isValid("a".repeat(129))).isFalse();
    }

    @Test
    void messagesSuggestAValidName()
    {
        assertThat(Identifiers.check("Hub_Pessoa", "hub name"))
                .contains("hub name 'Hub_Pessoa' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'hub_pessoa')");
        assertThat(Identifiers.check("1st_lead", "column"))
                .contains("column '1st_lead' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. '_1st_lead')");
        assertThat(Identifiers.check("hub\"; drop table x; --", "hub name"))
                .contains("hub name 'hub\"; drop table x; --' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'hub_drop_table_x_')");
        assertThat(Identifiers.check("e-mail", "column")).hasValueSatisfying(message -> assertThat(message).endsWith("(e.g. 'e_mail')"));
    }

    @Test
    void tooLong()
    {
        assertThat(Identifiers.check("a".repeat(200), "column")).contains("column '" + "a".repeat(20) + "...' is longer than 128 characters");
    }

    @Test
    void tableNameChecksEveryPart()
    {
        assertThat(new TableName("iceberg", "silver", "hub_pessoa")).hasToString("iceberg.silver.hub_pessoa");
        assertThatThrownBy(() -> new TableName("iceberg", "silver", "hub\"x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid identifier: hub\"x");
        assertThatThrownBy(() -> new TableName("Iceberg", "silver", "hub"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid identifier: Iceberg");
    }
}
