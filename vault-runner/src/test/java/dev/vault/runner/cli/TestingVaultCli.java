package dev.vault.runner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The vault CLI in this JVM, as a user types it, with what it printed and its exit code. */
public final class TestingVaultCli
{
    private TestingVaultCli() {}

    /** {@code vault ARGUMENTS --project-dir PROJECT --jdbc-url URL} ({@code hash} takes no engine, so no URL). */
    public static Result execute(Path project, String jdbcUrl, String... arguments)
    {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.add("--project-dir");
        command.add(project.toString());
        if (!command.getFirst().equals("hash")) {
            command.add("--jdbc-url");
            command.add(jdbcUrl);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                command.toArray(String[]::new));
        return new Result(String.join(" ", command), exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(String command, int exitCode, String out, String err)
    {
        public Result
        {
            requireNonNull(command, "command is null");
            requireNonNull(out, "out is null");
            requireNonNull(err, "err is null");
        }

        /** Everything, for an assertion's description. */
        public String text()
        {
            return "vault " + command + " exited " + exitCode + "\n" + out + err;
        }
    }
}
