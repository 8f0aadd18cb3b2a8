package dev.vault.runner;

import java.time.Duration;

/** Hears about progress while vault works; the CLI prints from it. Methods default to nothing. */
public interface VaultListener
{
    VaultListener NONE = new VaultListener() {};

    /** The engine is being started or connected to; {@code description} says which, without secrets. */
    default void engineStarting(String description) {}

    default void engineReady(String description, Duration startup) {}

    default void modelStarted(String model, int index, int total) {}

    default void modelFinished(ModelResult result, int index, int total) {}

    /** A step inside a model's run worth telling, e.g. a round of identity resolution. */
    default void modelProgress(String model, String message) {}

    /**
     * Trino's figures of a running statement, each time its driver hears them (about every second,
     * possibly on a thread of the driver's): a listener throttles what it shows. The statements of
     * concurrent models interleave; {@link StatementProgress#queryId()} tells them apart.
     */
    default void statementProgress(StatementProgress progress) {}

    /** The statement of earlier {@link #statementProgress} calls finished, failed or was cancelled; {@code last} are its last figures. */
    default void statementFinished(StatementProgress last) {}

    default void testFinished(DataTestResult result, int index, int total) {}

    /** A seed, run or retry is done; {@code what} names it for a summary: "Seed", "Run", "Retry". */
    default void runFinished(String what, RunResult result) {}

    /** The data tests of a test or build command are done. */
    default void testsFinished(TestResult result) {}
}
