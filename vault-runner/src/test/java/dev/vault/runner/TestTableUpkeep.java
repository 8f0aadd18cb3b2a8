package dev.vault.runner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints of {@link TableUpkeep}'s errors; the maintenance itself is tested in vault-embedded and on the cluster. */
class TestTableUpkeep
{
    @Test
    void retentionErrorsNameWhatAllowsShorterRetention()
    {
        String trino = "Retention specified (1.00h) is shorter than the minimum retention configured in the system (7.00d). "
                + "Minimum retention can be changed with iceberg.expire-snapshots.min-retention configuration property or iceberg.expire_snapshots_min_retention session property";

        assertThat(TableUpkeep.retentionHint(trino))
                .contains("iceberg.expire-snapshots.min-retention", "iceberg.remove-orphan-files.min-retention",
                        "expire_snapshots_min_retention", "remove_orphan_files_min_retention", "docs/cluster.md");
        assertThat(TableUpkeep.retentionHint("Failed to commit")).isEmpty();
    }
}
