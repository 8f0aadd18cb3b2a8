package dev.vault.sql;

import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestMaintenanceSql
{
    private static final TableName HUB = new TableName("iceberg", "silver", "hub_pessoa");

    @Test
    void expiryKeepsTheNewestLoadWhateverKeepLastSays()
    {
        Project project = ProjectLoader.load(Path.of(".."), TrinoDialect.INSTANCE);
        MaintenanceSql sql = new MaintenanceSql(project);
        MaintenanceSql.VaultTable hub = sql.maintainedTables(List.of("hub_produtor")).getFirst();
        // keep-last 5 in vault.yml: 5 stays while the newest load is among the 5 newest
        assertThat(sql.expireSnapshots(hub, 3).sql()).endsWith("expire_snapshots(retention_threshold => '7d', retain_last => 5)\n");
        assertThat(sql.expireSnapshots(hub, 8).sql()).endsWith("expire_snapshots(retention_threshold => '7d', retain_last => 8)\n");
    }

    @Test
    void withoutRetainLastTheThresholdKeepsTheNewestSnapshots()
    {
        Project project = ProjectLoader.load(Path.of(".."), TrinoDialect.INSTANCE);
        MaintenanceSql sql = new MaintenanceSql(project);
        MaintenanceSql.VaultTable hub = sql.maintainedTables(List.of("hub_produtor")).getFirst();
        assertThat(sql.snapshotsToKeep(hub, 3)).isEqualTo(5);
        assertThat(sql.snapshotsToKeep(hub, 8)).isEqualTo(8);
        // the 5 newest are all younger than 7 days: the policy's threshold keeps them
        assertThat(sql.expireSnapshotsWithoutRetainLast(hub, 3 * 86_400).sql()).endsWith("expire_snapshots(retention_threshold => '7d')\n");
        // the 5th newest is 10 days old: the threshold moves past it, by more than an hour
        assertThat(sql.expireSnapshotsWithoutRetainLast(hub, 10 * 86_400).sql()).endsWith("expire_snapshots(retention_threshold => '242h')\n");
        assertThat(MaintenanceSql.ageOfOldestKept(HUB, 5)).isEqualTo("SELECT CAST(ceiling(to_unixtime(current_timestamp) - to_unixtime(min(committed_at))) AS bigint) "
                + "FROM (SELECT committed_at FROM \"iceberg\".\"silver\".\"hub_pessoa$snapshots\" ORDER BY committed_at DESC LIMIT 5) AS newest");
    }

    @Test
    void withoutKeepLastTheRetentionAloneDecides(@TempDir Path directory)
            throws IOException
    {
        Path copy = directory.resolve("project");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("vault.yml"), Files.readString(Path.of("../vault.yml")).replace("models", Path.of("../models").toAbsolutePath().normalize().toString())
                .replace("expire-snapshots: {older-than: 7d, keep-last: 5}", "expire-snapshots: {older-than: 36h}"));
        Project project = ProjectLoader.load(copy, TrinoDialect.INSTANCE);
        MaintenanceSql sql = new MaintenanceSql(project);
        MaintenanceSql.VaultTable hub = sql.maintainedTables(List.of("hub_produtor")).getFirst();
        assertThat(sql.steps(hub)).extracting(step -> step.step().id())
                .containsExactly("optimize", "optimize_manifests", "expire_snapshots", "remove_orphan_files", "analyze");
        assertThat(sql.steps(hub).get(2).sql())
                .contains("removes snapshots older than 36h, and the files")
                .endsWith("EXECUTE expire_snapshots(retention_threshold => '36h')\n");
        assertThat(sql.expireSnapshots(hub, 2).sql()).endsWith("expire_snapshots(retention_threshold => '36h', retain_last => 2)\n");
    }

    @Test
    void statusQueriesReadTheMetadataTables()
    {
        assertThat(MaintenanceSql.files(HUB)).isEqualTo("SELECT count(*), coalesce(sum(file_size_in_bytes), 0) FROM \"iceberg\".\"silver\".\"hub_pessoa$files\"");
        assertThat(MaintenanceSql.snapshots(HUB)).isEqualTo("SELECT count(*), CAST(max_by(snapshot_id, committed_at) AS varchar), "
                + "to_iso8601(max(committed_at) AT TIME ZONE 'UTC') FROM \"iceberg\".\"silver\".\"hub_pessoa$snapshots\"");
        assertThat(MaintenanceSql.rowCount(HUB)).isEqualTo("SELECT count(*) FROM \"iceberg\".\"silver\".\"hub_pessoa\"");
    }
}
