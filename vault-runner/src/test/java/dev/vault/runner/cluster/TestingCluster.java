package dev.vault.runner.cluster;

import com.google.common.collect.ImmutableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * The cluster scripts/cluster/cluster.sh started, as a test sees it: SQL over trino-jdbc, faults
 * through {@code cluster.sh kill|restart}, and copies of the repository's example projects with
 * schemas of their own.
 */
final class TestingCluster
{
    /** The repository root, seen from vault-runner (Maven runs tests there). */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final String jdbcUrl;

    TestingCluster(String jdbcUrl)
    {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
    }

    String jdbcUrl()
    {
        return jdbcUrl;
    }

    /** {@code cluster.sh kill NAME} or {@code cluster.sh restart NAME}; waits for it to finish. */
    void script(String command, String part)
    {
        // its output through System.out, not inherited: Surefire's fork reads the JVM's own stdout as its channel
        ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("scripts/cluster/cluster.sh").toString(), command, part)
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            Thread printer = Thread.ofVirtual().start(() -> process.inputReader(StandardCharsets.UTF_8).lines().forEach(System.out::println));
            checkState(process.waitFor(6, TimeUnit.MINUTES), "cluster.sh %s %s did not finish in 6 minutes", command, part);
            printer.join();
            checkState(process.exitValue() == 0, "cluster.sh %s %s failed with exit code %s", command, part, process.exitValue());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String relation)
            throws SQLException
    {
        return ((Number) query("SELECT count(*) FROM " + relation).getFirst().getFirst()).longValue();
    }

    void execute(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "vault-test", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<List<Object>> query(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "vault-test", null);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ImmutableList.Builder<List<Object>> rows = ImmutableList.builder();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getObject(column));
                }
                rows.add(row);
            }
            return rows.build();
        }
    }

    /** Whether a write (INSERT, MERGE, CREATE TABLE AS) of vault's runs on the cluster now. */
    boolean writing()
            throws SQLException
    {
        return count("system.runtime.queries WHERE state = 'RUNNING' AND source LIKE 'vault%' AND regexp_like(query, '(?is)^\\s*(--[^\\n]*\\n\\s*)*(INSERT|MERGE|CREATE (OR REPLACE )?TABLE)')") > 0;
    }

    /**
     * vault.yml, models/ and examples/ of the repository in {@code target}, with the schemas
     * renamed to {@code bronze_<suffix>}, {@code silver_<suffix>} and {@code gold_<suffix>}.
     */
    static Path copyLeads(Path target, String suffix)
    {
        copyTree(REPOSITORY.resolve("models"), target.resolve("models"));
        copyTree(REPOSITORY.resolve("examples/leads"), target.resolve("examples/leads"));
        rewriteSchemas(REPOSITORY.resolve("vault.yml"), target.resolve("vault.yml"), "", suffix);
        return target;
    }

    /** The toolbox example (every entity kind) in {@code target}, schemas {@code shop_*_<suffix>}. */
    static Path copyToolbox(Path target, String suffix)
    {
        Path toolbox = REPOSITORY.resolve("examples/toolbox");
        copyTree(toolbox.resolve("models"), target.resolve("models"));
        copyTree(toolbox.resolve("seeds"), target.resolve("seeds"));
        rewriteSchemas(toolbox.resolve("vault.yml"), target.resolve("vault.yml"), "shop_", suffix);
        return target;
    }

    private static void rewriteSchemas(Path from, Path to, String prefix, String suffix)
    {
        try {
            String config = Files.readString(from, StandardCharsets.UTF_8);
            String renamed = config;
            for (String layer : List.of("bronze", "staging", "silver", "gold")) {
                String schema = prefix + (layer.equals("staging") ? "silver" : layer);
                renamed = renamed.replace("  %s: %s\n".formatted(layer, schema), "  %s: %s_%s\n".formatted(layer, schema, suffix));
            }
            checkState(renamed.contains("gold: %sgold_%s".formatted(prefix, suffix)), "%s no longer has the schemas block this fixture rewrites", from);
            Files.writeString(to, renamed, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to)
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
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
