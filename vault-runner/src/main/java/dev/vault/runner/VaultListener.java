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

    default void testFinished(DataTestResult result, int index, int total) {}

    /** A seed, run or retry is done; {@code what} names it for a summary: "Seed", "Run", "Retry". */
    default void runFinished(String what, RunResult result) {}

    /** The data tests of a test or build command are done. */
    default void testsFinished(TestResult result) {}
}
