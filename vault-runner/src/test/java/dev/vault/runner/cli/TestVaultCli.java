package dev.vault.runner.cli;

import dev.vault.runner.FixtureProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI without an engine: help, command-line errors, compile, and project errors found before any engine starts. */
class TestVaultCli
{
    /** A hub reading a stage that does not exist, on line 18 of models/customers.yml. */
    private static final String BROKEN_MODELS = FixtureProject.MODELS.replace("sources: [stg_customers]", "sources: [stg_customerz]");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsTheCommands()
    {
        assertThat(execute("--help")).isEqualTo(0);

        assertThat(out()).contains("Usage: vault").contains("Commands:").contains("Exit codes:");
        for (String command : List.of("build", "seed", "run", "plan", "test", "compile", "query", "serve", "maintain", "status", "help")) {
            assertThat(out()).containsPattern("(?m)^\\s+" + command + "\\s");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void helpOfACommandListsItsOptions()
    {
        assertThat(execute("help", "compile")).isEqualTo(0);
        assertThat(out()).contains("Usage: vault compile").contains("--output").contains("--project-dir").contains("--jdbc-url");
    }

    @Test
    void maintenanceOptions()
    {
        assertThat(execute("help", "run")).isEqualTo(0);
        assertThat(out()).contains("--maintain");
        assertThat(execute("help", "maintain")).isEqualTo(0);
        assertThat(out()).contains("Usage: vault maintain").contains("--select").contains("--exclude");
        assertThat(execute("status", "--format", "xml")).isEqualTo(2);
        assertThat(err()).contains("unknown format 'xml': use table or json");
    }

    @Test
    void planOptions()
    {
        assertThat(execute("help", "plan")).isEqualTo(0);
        assertThat(out()).contains("Usage: vault plan").contains("--select").contains("--exclude").contains("--format").contains("--jdbc-url").contains("Exit 0 when there is nothing to do, 7 when there is work");
        assertThat(execute("plan", "--format", "xml")).isEqualTo(2);
        assertThat(err()).contains("unknown format 'xml': use text or json");
    }

    @Test
    void versionIsPrinted()
    {
        assertThat(execute("--version")).isEqualTo(0);
        assertThat(out()).startsWith("vault ");
    }

    @Test
    void unknownSubcommandIsACommandLineError()
    {
        assertThat(execute("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("frobnicate");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownOptionIsACommandLineError()
    {
        assertThat(execute("run", "--no-such-option")).isEqualTo(2);
        assertThat(err()).contains("--no-such-option");
    }

    @Test
    void unknownQueryFormatIsACommandLineError()
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("query", "-p", project.toString(), "-f", "xml", "SELECT 1")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownQueryFormatIsReportedOnTheConsole()
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("query", "-p", project.toString(), "-f", "xml", "SELECT 1")).isEqualTo(2);
        assertThat(err()).contains("unknown format 'xml': use table, csv or json").contains("Usage: vault query");
    }

    @Test
    void serveTakesNoJdbcUrl()
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("serve", "-p", project.toString(), "--jdbc-url", "jdbc:trino://localhost:8080/iceberg")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(project.resolve(".vault")).doesNotExist();
    }

    @Test
    void serveWithJdbcUrlIsReportedOnTheConsole()
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("serve", "-p", project.toString(), "--jdbc-url", "jdbc:trino://localhost:8080/iceberg")).isEqualTo(2);
        assertThat(err()).contains("serve runs the embedded engine; it takes no --jdbc-url");
    }

    @Test
    void compileWritesOneFilePerModelUnderLayerFolders()
            throws IOException
    {
        Path project = FixtureProject.in(directory.resolve("project")).write();
        Path output = directory.resolve("compiled");

        assertThat(execute("compile", "-p", project.toString(), "-o", output.toString())).isEqualTo(0);

        assertThat(sqlFiles(output)).containsExactly("gold/mart_customers.sql", "silver/hub_customer.sql", "staging/stg_customers.sql");
        assertThat(output.resolve("silver/hub_customer.sql")).content().contains("INSERT INTO \"iceberg\".\"silver\".\"hub_customer\"");
        assertThat(out())
                .contains(output.resolve("silver/hub_customer.sql").toString())
                .contains("Compiled 3 models into " + output);
        assertThat(out()).doesNotContain("Trino");
        assertThat(err()).isEmpty();
    }

    @Test
    void compileWritesToTheTargetPathByDefault()
            throws IOException
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("compile", "--project-dir", project.toString())).isEqualTo(0);
        assertThat(sqlFiles(project.resolve(".vault/compiled"))).hasSize(3);
    }

    @Test
    void runOfABrokenProjectExits3WithTheProblemsPlace()
    {
        Path project = FixtureProject.in(directory).file("models/customers.yml", BROKEN_MODELS).write();

        assertThat(execute("run", "-p", project.toString())).isEqualTo(3);

        assertThat(err())
                .contains("error: the project has 1 problem:")
                .contains("models/customers.yml:18:")
                .contains("'stg_customerz', which does not exist; did you mean 'stg_customers'?");
        // nothing was started: the embedded engine is not on this classpath, so trying would exit 4
        assertThat(out()).isEmpty();
        assertThat(err()).doesNotContain("engine");
        assertThat(project.resolve(".vault")).doesNotExist();
    }

    @Test
    void everyEngineCommandChecksTheProjectFirst()
    {
        Path project = FixtureProject.in(directory).file("models/customers.yml", BROKEN_MODELS).write();

        for (String command : List.of("build", "seed", "test", "compile")) {
            out.reset();
            err.reset();
            assertThat(execute(command, "-p", project.toString())).as(command).isEqualTo(3);
            assertThat(err()).as(command).contains("models/customers.yml:18:");
        }
    }

    @Test
    void runWithoutVaultYmlExits3()
    {
        assertThat(execute("run", "-p", directory.toString())).isEqualTo(3);
        assertThat(err()).contains("no vault.yml in " + directory);
    }

    @Test
    void runOfAValidProjectWithoutTheEmbeddedEngineExits4()
    {
        // the contrast to the broken project: a valid one does try the engine, which this module does not have
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("run", "-p", project.toString())).isEqualTo(4);
        assertThat(out()).contains("embedded Trino").contains(project.resolve(".vault/warehouse").toString());
        assertThat(err()).contains("error: the embedded engine is not on the classpath");
    }

    @Test
    void compileNeedsNoPassword()
    {
        Path project = FixtureProject.in(directory)
                .file("vault.yml", FixtureProject.CONFIG + "target: local\n")
                .write();

        assertThat(execute("compile", "-p", project.toString(), "-o", directory.resolve("out").toString())).isEqualTo(0);
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

    private static List<String> sqlFiles(Path folder)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".sql"))
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
