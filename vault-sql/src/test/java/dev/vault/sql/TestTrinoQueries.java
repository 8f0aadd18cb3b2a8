package dev.vault.sql;

import dev.vault.core.model.TableName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTrinoQueries
{
    private static final TableName HUB = new TableName("iceberg", "silver", "hub_pessoa");

    @Test
    void tablesOfQuotesTheCatalogAndQuotesTheSchemaAsALiteral()
    {
        assertThat(TrinoQueries.tablesOf("iceberg", "bronze"))
                .isEqualTo("SELECT table_name FROM \"iceberg\".information_schema.tables WHERE table_schema = 'bronze'");
        assertThat(TrinoQueries.tablesOf("iceberg", "it's")).endsWith("table_schema = 'it''s'");
        assertThatThrownBy(() -> TrinoQueries.tablesOf("Iceberg", "bronze")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotQueriesReadTheSnapshotsMetadataTable()
    {
        assertThat(TrinoQueries.latestSnapshot(HUB))
                .isEqualTo("SELECT snapshot_id FROM \"iceberg\".\"silver\".\"hub_pessoa$snapshots\" WHERE operation <> 'replace' ORDER BY committed_at DESC LIMIT 1");
        assertThat(TrinoQueries.snapshotCount(HUB))
                .isEqualTo("SELECT count(*) FROM \"iceberg\".\"silver\".\"hub_pessoa$snapshots\"");
    }

    @Test
    void tableCommentFiltersOnEveryPartOfTheName()
    {
        assertThat(TrinoQueries.tableComment(HUB)).isEqualTo(
                "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = 'iceberg' AND schema_name = 'silver' AND table_name = 'hub_pessoa'");
    }

    @Test
    void testQueriesCountAndSampleTheFailingRows()
    {
        DataTest test = new DataTest("hub.unique(hk)", "hub", "keys once", "-- vault test: hub.unique(hk)\nSELECT hk FROM t\nGROUP BY hk\nHAVING count(*) > 1\n");

        assertThat(TrinoQueries.testFailures(test)).isEqualTo("""
                -- vault test: hub.unique(hk) (count)
                SELECT count(*) AS failures
                FROM (
                -- vault test: hub.unique(hk)
                SELECT hk FROM t
                GROUP BY hk
                HAVING count(*) > 1
                ) AS failing""");
        assertThat(TrinoQueries.testSample(test, 5)).isEqualTo("""
                -- vault test: hub.unique(hk) (sample)
                SELECT *
                FROM (
                -- vault test: hub.unique(hk)
                SELECT hk FROM t
                GROUP BY hk
                HAVING count(*) > 1
                ) AS failing
                LIMIT 5""");
        assertThatThrownBy(() -> TrinoQueries.testSample(test, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
