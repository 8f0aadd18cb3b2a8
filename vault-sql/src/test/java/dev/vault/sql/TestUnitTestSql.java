package dev.vault.sql;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scratch tables and comparison queries of {@code vault test --unit}. */
class TestUnitTestSql
{
    private static final TableName ORDERS = new TableName("iceberg", "vault_unit_0a1b2c3d_bronze", "orders");
    private static final ImmutableMap<String, String> TYPES = ImmutableMap.of("order_id", "varchar", "amount", "decimal(10,2)");

    @Test
    void fixtureRowsAreCastToTheirColumnTypes()
    {
        assertThat(UnitTestSql.createTable(ORDERS, TYPES)).isEqualTo("""
                CREATE TABLE "iceberg"."vault_unit_0a1b2c3d_bronze"."orders" (
                    "order_id" varchar,
                    "amount" decimal(10,2)
                )""");
        assertThat(UnitTestSql.insert(ORDERS, List.of("order_id", "amount"), TYPES, List.of(List.of(Optional.of("o'1"), Optional.empty()))))
                .isEqualTo("""
                        INSERT INTO "iceberg"."vault_unit_0a1b2c3d_bronze"."orders" ("order_id", "amount")
                        VALUES
                            (CAST('o''1' AS varchar), CAST(NULL AS decimal(10,2)))""");
    }

    @Test
    void bothSidesOfTheComparisonAreText()
    {
        assertThat(UnitTestSql.actualRows(ORDERS, List.of("amount")))
                .isEqualTo("SELECT CAST(\"amount\" AS varchar) AS \"amount\" FROM \"iceberg\".\"vault_unit_0a1b2c3d_bronze\".\"orders\"");
        assertThat(UnitTestSql.expectedRows(List.of("amount"), TYPES, List.of(List.of(Optional.of("1.5")), List.of(Optional.empty()))))
                .isEqualTo("""
                        SELECT CAST(CAST('1.5' AS decimal(10,2)) AS varchar) AS "amount"
                        UNION ALL
                        SELECT CAST(CAST(NULL AS decimal(10,2)) AS varchar) AS "amount\"""");
    }

    @Test
    void aTypeIsNeverPastedUnchecked()
    {
        assertThatThrownBy(() -> UnitTestSql.createTable(ORDERS, ImmutableMap.of("order_id", "varchar); DROP TABLE x; --")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a column type");
    }
}
