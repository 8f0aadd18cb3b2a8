package dev.vault.runner;

import dev.vault.core.model.ModelKind;
import dev.vault.core.model.TableName;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * An Iceberg table of a model as its metadata tables describe it ({@code vault status}). A table
 * not created yet is "not built": every figure is empty.
 *
 * @param rows rows of the current snapshot; empty when not counted (maintenance does not count)
 * @param dataFiles data files of the current snapshot
 * @param totalBytes total size of those files
 * @param snapshots snapshots kept in the table's metadata (what time travel can reach)
 * @param lastLoad when the newest snapshot was committed: the last load, compaction or replace
 */
public record TableStatus(
        String model,
        ModelKind kind,
        TableName table,
        boolean built,
        OptionalLong rows,
        OptionalLong dataFiles,
        OptionalLong totalBytes,
        OptionalLong snapshots,
        Optional<Instant> lastLoad,
        OptionalLong lastSnapshotId)
{
    public TableStatus
    {
        requireNonNull(model, "model is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(table, "table is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(dataFiles, "dataFiles is null");
        requireNonNull(totalBytes, "totalBytes is null");
        requireNonNull(snapshots, "snapshots is null");
        requireNonNull(lastLoad, "lastLoad is null");
        requireNonNull(lastSnapshotId, "lastSnapshotId is null");
    }

    public static TableStatus notBuilt(String model, ModelKind kind, TableName table)
    {
        return new TableStatus(model, kind, table, false, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }
}
