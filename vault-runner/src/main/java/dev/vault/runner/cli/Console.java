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
    private final boolean terminal;

    Console(PrintStream out, PrintStream err)
    {
        this(out, err, false);
    }

    Console(PrintStream out, PrintStream err, boolean terminal)
    {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    static Console system()
    {
        return new Console(new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8), isTerminal());
    }

    /**
     * Whether standard input and output are a terminal. Since Java 22 System.console() is there
     * even when the output goes to a file or a pipe, and only its isTerminal() (not in Java 21's
     * API, which vault compiles against) tells; on Java 21 a console means a terminal.
     */
    private static boolean isTerminal()
    {
        Object console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // java.io.Console's own method: its implementations are not public
            return (boolean) System.class.getMethod("console").getReturnType().getMethod("isTerminal").invoke(console);
        }
        catch (NoSuchMethodException e) {
            return true;
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    PrintStream out()
    {
        return out;
    }

    PrintStream err()
    {
        return err;
    }

    /** Whether a person watches: output lines may be overwritten in place, which a log file would keep as junk. */
    boolean terminal()
    {
        return terminal;
    }
}
