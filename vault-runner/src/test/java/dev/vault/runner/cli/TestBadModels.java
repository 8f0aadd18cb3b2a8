package dev.vault.runner.cli;

import dev.vault.runner.FixtureProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of broken projects in {@code src/test/resources/bad-models}: each case is a project
 * folder with an {@code expected.txt} holding fragments the error must contain, the first one the
 * file and line. {@code vault run} must stop with exit code 3 before it connects (the JDBC URL
 * points at a port nothing listens on: reaching it would be exit code 4) and write nothing.
 */
class TestBadModels
{
    private static final String NOWHERE = "jdbc:trino://127.0.0.1:9/iceberg";
    private static final Path CORPUS = corpus();

    @TempDir
    Path temp;

    static Stream<String> cases()
            throws IOException
    {
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusIsLarge()
            throws IOException
    {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenProjectIsRejectedBeforeAnySqlRuns(String name)
            throws IOException
    {
        Path project = copy(CORPUS.resolve(name), temp.resolve(name));
        List<String> expected = Files.readAllLines(project.resolve("expected.txt"), StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        Files.delete(project.resolve("expected.txt"));

        Result result = assertRejected(project);

        // a problem with a whole file (empty, not UTF-8) has no line; every other names it
        assertThat(expected).as("expected.txt names the file (and line) first").isNotEmpty();
        assertThat(expected.getFirst()).matches("[\\w./-]+(:\\d+)?");
        for (String fragment : expected) {
            assertThat(result.err()).as(name).contains(fragment);
        }
    }

    /** A 50 MB model file (data dropped in models/ by mistake) fails at once, without reading it into memory. */
    @Test
    void aHugeModelFileIsRefusedQuickly()
            throws IOException
    {
        Path project = FixtureProject.in(temp.resolve("huge")).write();
        try (Writer writer = Files.newBufferedWriter(project.resolve("models/huge.yml"), StandardCharsets.UTF_8)) {
            writer.write("sources:\n");
            String model = "  - { name: s%07d, record-source: x, load-timestamp: t, columns: [{ name: t, type: timestamp(6) }] }\n";
            for (int i = 0; Files.size(project.resolve("models/huge.yml")) < 50L * 1024 * 1024 && i < 1_000_000; i++) {
                writer.write(model.formatted(i));
                if (i % 10_000 == 0) {
                    writer.flush();
                }
            }
        }
        long started = System.nanoTime();

        Result result = assertRejected(project);

        assertThat(result.err()).contains("models/huge.yml").contains("model files are limited to 4 MB");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    /** A mart SQL file is read whole into a statement: a huge one is refused before it is read. */
    @Test
    void aHugeMartSqlFileIsRefused()
            throws IOException
    {
        Path project = FixtureProject.in(temp.resolve("huge-sql")).write();
        try (Writer writer = Files.newBufferedWriter(project.resolve("models/gold/mart_customers.sql"), StandardCharsets.UTF_8)) {
            writer.write("SELECT customer_id FROM {{ ref('hub_customer') }}\n");
            for (int i = 0; i < 200_000; i++) {
                writer.write("-- padding padding padding padding padding padding\n");
            }
        }

        Result result = assertRejected(project);

        assertThat(result.err()).contains("models/gold/marts.yml:3").contains("mart SQL files are limited to 4 MB");
    }

    /** 10,000 models in files under the size limit load in seconds; one broken among them is found. */
    @Test
    void manyModelsLoadQuicklyAndTheBrokenOneIsFound()
            throws IOException
    {
        Path project = FixtureProject.in(temp.resolve("many")).write();
        for (int file = 0; file < 10; file++) {
            StringBuilder text = new StringBuilder("sources:\n");
            for (int i = 0; i < 1000; i++) {
                text.append("  - { name: s%02d_%04d, record-source: x, load-timestamp: t, columns: [{ name: t, type: timestamp(6) }] }\n".formatted(file, i));
            }
            if (file == 7) {
                text.append("  - { name: s07_broken, record-source: x, load-timestamp: nope, columns: [{ name: t, type: timestamp(6) }] }\n");
            }
            Files.writeString(project.resolve("models/many_%02d.yml".formatted(file)), text, StandardCharsets.UTF_8);
        }
        long started = System.nanoTime();

        Result result = assertRejected(project);

        assertThat(result.err()).contains("models/many_07.yml:1002").contains("nope");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    /** Descriptions are free text: quotes, semicolons and line breaks are fine, and reach SQL only inside escaped literals, on one line. */
    @Test
    void descriptionsWithQuotesAndSemicolonsCompileToLiterals()
            throws IOException
    {
        Path project = FixtureProject.in(temp.resolve("descriptions"))
                .file("models/customers.yml", FixtureProject.MODELS.replace("  - name: hub_customer\n",
                        "  - name: hub_customer\n    description: \"it's'); DROP TABLE x; -- \\\"quoted\\\"\\nDROP TABLE y; --\"\n"))
                .write();

        Result result = execute("compile", "--project-dir", project.toString(), "--output", temp.resolve("compiled").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String sql = Files.readString(temp.resolve("compiled/silver/hub_customer.sql"), StandardCharsets.UTF_8);
        assertThat(sql).contains("COMMENT 'it''s''); DROP TABLE x; -- \"quoted\" DROP TABLE y; -- (vault hub hub_customer, models/customers.yml:");
    }

    private Result assertRejected(Path project)
            throws IOException
    {
        List<Path> before = files(project);
        Result result = execute("run", "--jdbc-url", NOWHERE, "--project-dir", project.toString());
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(3);
        assertThat(result.err()).doesNotContain("cannot reach Trino").doesNotContain("Exception");
        assertThat(files(project)).as("nothing written in the project").isEqualTo(before);
        return result;
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result execute(String... arguments)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path folder)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(folder::relativize).sorted().toList();
        }
    }

    private static Path copy(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static Path corpus()
    {
        try {
            return Path.of(Objects.requireNonNull(TestBadModels.class.getResource("/bad-models"), "bad-models corpus missing").toURI());
        }
        catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
