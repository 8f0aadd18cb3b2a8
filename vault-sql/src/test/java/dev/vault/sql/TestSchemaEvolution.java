package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.TableName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSchemaEvolution
{
    private static final TableName TABLE = new TableName("iceberg", "silver", "sat_person");
    private static final ImmutableMap<String, String> EXISTING = ImmutableMap.of(
            "hk_person", "varchar",
            "load_datetime", "timestamp(6) with time zone",
            "hd_person", "varchar",
            "name", "varchar",
            "visits", "integer",
            "score", "decimal(10,2)");

    @Test
    void sameColumnsNeedNothing()
    {
        assertThat(SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition(column("visits", "integer"), column("score", "decimal(10, 2)"))).isEmpty()).isTrue();
    }

    @Test
    void newPayloadColumnIsAdded()
    {
        SchemaEvolution.Plan plan = SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition(column("visits", "integer"), column("score", "decimal(10,2)"), column("city", "varchar")));
        assertThat(plan.statements()).containsExactly("ALTER TABLE \"iceberg\".\"silver\".\"sat_person\" ADD COLUMN \"city\" varchar COMMENT 'from the model'");
        assertThat(plan.changes()).containsExactly("added column city varchar");
    }

    @Test
    void widenedTypesArePromotedByIcebergRules()
    {
        SchemaEvolution.Plan plan = SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition(column("visits", "bigint"), column("score", "decimal(12,2)")));
        assertThat(plan.statements()).containsExactly(
                "ALTER TABLE \"iceberg\".\"silver\".\"sat_person\" ALTER COLUMN \"visits\" SET DATA TYPE bigint",
                "ALTER TABLE \"iceberg\".\"silver\".\"sat_person\" ALTER COLUMN \"score\" SET DATA TYPE decimal(12,2)");
    }

    @Test
    void narrowedOrChangedTypesAreRefused()
    {
        assertThatThrownBy(() -> SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition(column("visits", "varchar"), column("score", "decimal(8,2)"))))
                .isInstanceOf(SchemaEvolution.IncompatibleChangeException.class)
                .hasMessageContaining("satellite 'sat_person' iceberg.silver.sat_person cannot follow the model without rewriting its history")
                .hasMessageContaining("column 'visits' is integer in the table and varchar in the model")
                .hasMessageContaining("column 'score' is decimal(10,2) in the table and decimal(8,2) in the model")
                .hasMessageContaining("add a new column with the new type");
    }

    @Test
    void newKeyColumnIsRefused()
    {
        TableDefinition definition = new TableDefinition(ImmutableList.<TableDefinition.TableColumn>builder()
                .addAll(definition(column("visits", "integer"), column("score", "decimal(10,2)")).columns())
                .add(new TableDefinition.TableColumn("address_type", "varchar", true, ""))
                .build());
        assertThatThrownBy(() -> SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition))
                .hasMessageContaining("'address_type' is a new key column (varchar): the table's existing rows have no value for it");
    }

    @Test
    void columnLeftOutOfTheModelStays()
    {
        SchemaEvolution.Plan plan = SchemaEvolution.plan("satellite 'sat_person'", TABLE, EXISTING, definition(column("visits", "integer")));
        assertThat(plan.statements()).isEmpty();
        assertThat(plan.notes()).containsExactly("column score is no longer in the model; it stays in the table for the history it holds, null in new rows");
    }

    private static TableDefinition.TableColumn column(String name, String type)
    {
        return new TableDefinition.TableColumn(name, type, false, "from the model");
    }

    private static TableDefinition definition(TableDefinition.TableColumn... payload)
    {
        ImmutableList.Builder<TableDefinition.TableColumn> columns = ImmutableList.builder();
        columns.add(new TableDefinition.TableColumn("hk_person", "varchar", true, ""));
        columns.add(new TableDefinition.TableColumn("load_datetime", "timestamp(6) with time zone", true, ""));
        columns.add(new TableDefinition.TableColumn("hd_person", "varchar", true, ""));
        columns.add(new TableDefinition.TableColumn("name", "varchar", false, ""));
        columns.add(payload);
        return new TableDefinition(columns.build());
    }
}
