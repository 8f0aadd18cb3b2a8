package dev.vault.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vault init} on the command line, without an engine. */
class TestInitCommand
{
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void initThenCompileThenRefuseToInitAgain()
            throws IOException
    {
        Path project = directory.resolve("shop");
        assertThat(execute("init", project.toString())).as(text()).isEqualTo(0);
        assertThat(out()).contains("wrote vault.yml", "wrote models/sources.yml", "wrote seeds/customers.csv", "wrote .gitignore")
                .contains("Initialized vault project in " + project + ". Next: ");
        assertThat(err()).isEmpty();

        assertThat(execute("compile", "--project-dir", project.toString())).as(text()).isEqualTo(0);
        assertThat(out()).contains("Compiled 3 models");

        String config = Files.readString(project.resolve("vault.yml"));
        assertThat(execute("init", project.toString())).as(text()).isEqualTo(8);
        assertThat(err()).contains("already has a vault.yml; vault init never overwrites a project. Nothing was written");
        assertThat(Files.readString(project.resolve("vault.yml"))).isEqualTo(config);
    }

    @Test
    void connectionOptionsNeedFrom()
    {
        assertThat(execute("init", directory.toString(), "--jdbc-url", "jdbc:trino://localhost:8080/iceberg")).isEqualTo(2);
        assertThat(err()).contains("give --from CATALOG.SCHEMA too");
        assertThat(directory.resolve("vault.yml")).doesNotExist();
    }

    @Test
    void helpListsInit()
    {
        assertThat(execute("help", "init")).isEqualTo(0);
        assertThat(out()).contains("Usage: vault init").contains("--from=CATALOG.SCHEMA").contains("--jdbc-url").contains("--warehouse");
    }

    private int execute(String... arguments)
    {
        out.reset();
        err.reset();
        return VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String text()
    {
        return out() + err();
    }
}
