package dev.vault.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command that prints to the console {@link VaultCli}'s factory gives it. */
abstract class ConsoleCommand
        implements Callable<Integer>
{
    static final int SUCCESS = 0;

    Console console;

    @Spec
    CommandSpec spec;

    /** A bad command line: picocli prints the message and the usage, and exits with 2. */
    CommandLine.ParameterException usage(String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
