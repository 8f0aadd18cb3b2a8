package dev.vault.core;

/**
 * What went wrong, at the granularity an operator acts on. Each code maps to one process exit
 * code of the {@code vault} CLI, so orchestrators (Airflow, Kubernetes Jobs) can tell a broken
 * model from a failed query from an engine that is down.
 */
public enum ErrorCode
{
    /** A model's SQL failed on the engine. */
    MODEL_FAILED(1),
    /** The command named something the project does not have (a hub, a stage, a record); nothing was written. */
    USAGE(2),
    /** vault.yml or a model file is invalid; nothing was executed. */
    INVALID_PROJECT(3),
    /** The engine could not be started or reached. */
    ENGINE_UNAVAILABLE(4),
    /** Data tests ran and at least one with severity error failed. */
    TEST_FAILED(5),
    /** Another run of the project held the run lock for longer than the wait allowed. */
    LOCKED(6),
    /**
     * Not an error: {@code vault plan} found work for a run (a model to create, load or alter).
     * Kept with the error codes so that every exit code of the CLI is defined once, and distinct.
     */
    PLAN_HAS_WORK(7),
    /** {@code vault init} found a project, or a file it would write, in the folder; nothing was written. */
    PROJECT_EXISTS(8),
    /** A bug in vault itself. */
    INTERNAL(10);

    private final int exitCode;

    ErrorCode(int exitCode)
    {
        this.exitCode = exitCode;
    }

    public int exitCode()
    {
        return exitCode;
    }
}
