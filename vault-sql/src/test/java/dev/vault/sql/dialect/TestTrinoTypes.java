package dev.vault.sql.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTrinoTypes
{
    @Test
    void normalize()
    {
        assertThat(TrinoTypes.normalize("  TIMESTAMP(6)   WITH\tTIME ZONE ")).isEqualTo("timestamp(6) with time zone");
        assertThat(TrinoTypes.normalize("VarChar")).isEqualTo("varchar");
    }

    @Test
    void validTypes()
    {
        for (String type : new String[] {
                "boolean", "tinyint", "smallint", "integer", "int", "bigint", "real", "double", "date", "uuid", "varbinary",
                "varchar", "varchar(255)", "decimal(10)", "decimal(10,2)", "decimal(38, 10)", "time", "time(6)",
                "timestamp", "timestamp(6)", "timestamp with time zone", "timestamp(6) with time zone", "TIMESTAMP(6) WITH TIME ZONE"}) {
            assertThat(TrinoTypes.isValid(type)).as(type).isTrue();
        }
    }

    @Test
    void invalidTypes()
    {
        for (String type : new String[] {
                "", "int4", "string", "text", "char(2)", "timestamp(3)", "timestamp(9) with time zone", "varchar(10000000)", "varchar(",
                "array(varchar)", "map(varchar, varchar)", "row(a integer)", "json", "decimal(100, 2)", "varchar; drop table x"}) {
            assertThat(TrinoTypes.isValid(type)).as(type).isFalse();
        }
    }

    @Test
    void invalidDecimals()
    {
        assertThat(TrinoTypes.isValid("decimal(39, 0)")).isFalse();
        assertThat(TrinoTypes.isValid("decimal(5, 10)")).isFalse();
    }
}
