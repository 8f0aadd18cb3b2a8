package dev.vault.runner.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * The terminal, as it was when the program started. The embedded engine's logging takes over
 * System.out and System.err when it starts; vault keeps writing to the real ones.
 */
final class Console
{
    private final PrintStream out;
    private final PrintStream err;

    Console(PrintStream out, PrintStream err)
    {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    static Console system()
    {
        return new Console(new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    PrintStream out()
    {
        return out;
    }

    PrintStream err()
    {
        return err;
    }
}
