package dev.vault.runner.cli;

import dev.vault.embedded.TestingVaultEngine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The vault CLI run in-process on a project against the tests' embedded engine, with what it printed. */
final class TestingCli
{
    record Result(int exitCode, String out, String err) {}

    private TestingCli() {}

    static Result cli(Path project, String... args)
    {
        return cli(project, false, args);
    }

    /** With {@code terminal}, the console says its output is a terminal (progress lines are drawn). */
    static Result cli(Path project, boolean terminal, String... args)
    {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--project-dir", project.toString(), "--jdbc-url", TestingVaultEngine.jdbcUrl()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), terminal),
                arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
