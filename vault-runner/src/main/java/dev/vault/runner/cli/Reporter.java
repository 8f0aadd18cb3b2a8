package dev.vault.runner.cli;

import dev.vault.core.VaultException;
import dev.vault.runner.RunResult;
import dev.vault.runner.TestResult;
import dev.vault.runner.UnitTestResult;
import dev.vault.runner.VaultListener;

/** How a command tells what happens: lines for people, or one JSON object per event for orchestrators. */
interface Reporter
        extends VaultListener
{
    void summary(String what, RunResult result);

    void summary(TestResult result);

    /** The outcome of every unit test on fixtures, then their summary. */
    void unitTests(UnitTestResult result);

    @Override
    default void runFinished(String what, RunResult result)
    {
        summary(what, result);
    }

    @Override
    default void testsFinished(TestResult result)
    {
        summary(result);
    }

    void message(String text);

    void error(VaultException error);

    static Reporter of(LogFormat format, Console console)
    {
        return switch (format) {
            case TEXT -> new ProgressPrinter(console);
            case JSON -> new JsonEventPrinter(console);
        };
    }

    enum LogFormat
    {
        TEXT, JSON
    }
}
