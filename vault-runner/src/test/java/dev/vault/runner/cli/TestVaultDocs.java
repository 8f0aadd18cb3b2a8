package dev.vault.runner.cli;

import dev.vault.runner.FixtureProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vault docs}: the documentation site, written without an engine. */
class TestVaultDocs
{
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesToTheTargetPathByDefault()
    {
        // the fixture's target is a Trino cluster that does not exist: docs must not connect
        Path project = FixtureProject.in(directory.resolve("project")).write();

        assertThat(execute("docs", "-p", project.toString(), "--target", "local")).isEqualTo(0);

        Path site = project.resolve(".vault/docs").toAbsolutePath();
        assertThat(site.resolve("index.html")).content().contains("<h1>fixture</h1>");
        assertThat(site.resolve("models/hub_customer.html")).content().contains("INSERT INTO &quot;iceberg&quot;.&quot;silver&quot;.&quot;hub_customer&quot;");
        assertThat(out()).isEqualTo("Wrote 5 pages; open " + site.resolve("index.html").toUri() + "\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void writesWhereTold()
    {
        Path project = FixtureProject.in(directory.resolve("project")).write();
        Path output = directory.resolve("site");

        assertThat(execute("docs", "-p", project.toString(), "--output", output.toString())).isEqualTo(0);

        assertThat(output.resolve("index.html")).isRegularFile();
        assertThat(output.resolve("models/mart_customers.html")).isRegularFile();
        assertThat(project.resolve(".vault/docs")).doesNotExist();
    }

    private int execute(String... args)
    {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return VaultCli.execute(console, args);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }
}
