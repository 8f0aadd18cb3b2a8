package dev.vault.runner;

import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What happened to one model (or seed) in a run.
 *
 * @param rowsWritten rows inserted by a load, or rows written by a replace; empty for views
 * @param detail what was done, for people: "inserted 83 rows", "view", "up to date"
 * @param error the user-facing error of a failed model
 * @param snapshotId the Iceberg snapshot the model's load (or replace) committed to its table;
 *         empty when it committed none: a view, an up-to-date model, a load with nothing new
 * @param execution the statements the model ran and what they cost in the engine; none for a
 *         model that did not run (skipped, a missing source)
 */
public record ModelResult(
        String model,
        ModelKind kind,
        Status status,
        OptionalLong rowsWritten,
        Duration duration,
        String detail,
        Optional<String> error,
        OptionalLong snapshotId,
        ExecutionStats execution)
{
    public enum Status
    {
        /** Statements ran and committed. */
        SUCCESS,
        /** Nothing to do: the table already matched its inputs (a seed or table mart). */
        UP_TO_DATE,
        /** A statement failed; the model's tables are as they were before it. */
        FAILED,
        /** Not run because a model it reads failed. */
        SKIPPED
    }

    public ModelResult
    {
        requireNonNull(model, "model is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(rowsWritten, "rowsWritten is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(error, "error is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(execution, "execution is null");
    }

    /** A result before its statements are counted. */
    public ModelResult(String model, ModelKind kind, Status status, OptionalLong rowsWritten, Duration duration, String detail, Optional<String> error, OptionalLong snapshotId)
    {
        this(model, kind, status, rowsWritten, duration, detail, error, snapshotId, ExecutionStats.NONE);
    }

    /** A result that committed no snapshot. */
    public ModelResult(String model, ModelKind kind, Status status, OptionalLong rowsWritten, Duration duration, String detail, Optional<String> error)
    {
        this(model, kind, status, rowsWritten, duration, detail, error, OptionalLong.empty());
    }

    /** This result with the statements that produced it counted, and its duration as measured around them. */
    public ModelResult withExecution(Duration duration, ExecutionStats execution)
    {
        return new ModelResult(model, kind, status, rowsWritten, duration, detail, error, snapshotId, execution);
    }

    /** The part of the model's duration spent outside the engine: vault's own overhead. */
    public Duration outsideEngine()
    {
        return execution.outsideEngine(duration);
    }

    public boolean failed()
    {
        return status == Status.FAILED || status == Status.SKIPPED;
    }

    /** A model whose statement failed after {@code elapsed}; the message says which model, where it is defined, and the engine's error. */
    static ModelResult failure(Model model, Duration elapsed, SQLException e)
    {
        String message = "%s '%s' (%s) failed: %s".formatted(model.kind().displayName(), model.name(), model.location(), e.getMessage());
        return new ModelResult(model.name(), model.kind(), Status.FAILED, OptionalLong.empty(), elapsed, "failed", Optional.of(message));
    }
}
