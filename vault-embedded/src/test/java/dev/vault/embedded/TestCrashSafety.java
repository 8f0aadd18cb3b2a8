package dev.vault.embedded;

import com.google.common.base.Stopwatch;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner killed with SIGKILL at random points of a build, again and again, then a build left
 * to finish: every table ends as after one uninterrupted build, and after each kill every table
 * is in a state an uninterrupted build went through (an Iceberg commit is all or nothing), never
 * a part of a load. The killed runners are child JVMs running the CLI against the shared engine;
 * each leaves its run lock behind, which the next runner takes over once the lease ran out.
 * The seed is printed; {@code -Dvault.crash.seed=N} replays a sequence of kill times.
 */
class TestCrashSafety
{
    private static final int KILLS = 6;
    private static final String LEASE_SECONDS = "5";
    // the lines a build prints: connecting, connected, 3 seeds, a summary, 8 models, identity progress, a summary, tests
    private static final int PRINTED_LINES = 20;

    @TempDir
    Path temp;

    @Test
    void killedBuildsThenOneToTheEndLeaveTheTablesOfAnUninterruptedBuild()
            throws Exception
    {
        long seed = Long.getLong("vault.crash.seed", System.nanoTime());
        System.out.println("TestCrashSafety seed: " + seed + " (replay with -Dvault.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Stopwatch total = Stopwatch.createStarted();

        Path reference = TestingProjects.copyExample(temp.resolve("reference"), "crashref");
        try (Vault vault = TestingVaultEngine.configure(reference).load()) {
            assertThat(vault.seed().successful()).isTrue();
            assertThat(vault.run().successful()).isTrue();
        }
        System.out.println("TestCrashSafety: reference build in " + total.elapsed(TimeUnit.SECONDS) + " s");

        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null)) {
            Map<String, List<String>> tables = tables(connection, "crashref");
            assertThat(tables).containsKeys("silver.hub_pessoa", "silver.hub_pessoa_records", "silver.link_pessoa_produtor", "silver.sat_pessoa_detalhes", "gold.mart_leads_unificados");
            // every state each table went through in the uninterrupted build: a crashed build may leave only these
            Map<String, Set<String>> states = new HashMap<>();
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                Set<String> allowed = new HashSet<>();
                allowed.add("absent");
                allowed.add(fingerprint(connection, "crashref", table.getKey(), table.getValue(), null));
                for (long snapshot : snapshots(connection, qualified("crashref", table.getKey()))) {
                    allowed.add(fingerprint(connection, "crashref", table.getKey(), table.getValue(), snapshot));
                }
                states.put(table.getKey(), allowed);
            }

            Path crashed = TestingProjects.copyExample(temp.resolve("crashed"), "crashed");
            List<String> kills = new ArrayList<>();
            for (int i = 0; i < KILLS; i++) {
                // kill points spread over the whole build whatever the machine's speed: after a
                // random number of the lines it prints (one per model done), plus a random delay
                int lines = random.nextInt(PRINTED_LINES);
                long delay = random.nextLong(1500);
                Child child = start(crashed);
                boolean exited = child.awaitLines(lines, Duration.ofMinutes(3));
                exited = exited || child.process().waitFor(delay, TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.process().destroyForcibly();
                    child.process().waitFor();
                }
                String kill = "after %s lines + %s ms%s".formatted(lines, delay, exited ? " (had finished: exit " + child.process().exitValue() + ")" : "");
                kills.add(kill);
                for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                    if (!isTable(connection, "crashref", table.getKey())) {
                        // a view has no state of its own: mid-build it shows whatever its tables hold
                        continue;
                    }
                    String state = exists(connection, "crashed", table.getKey()) ? fingerprint(connection, "crashed", table.getKey(), table.getValue(), null) : "absent";
                    assertThat(states.get(table.getKey()))
                            .as("after a kill %s, %s is in a state of an uninterrupted build (%s)", kill, table.getKey(), child.output())
                            .contains(state);
                }
            }
            System.out.println("TestCrashSafety kills: " + kills);

            Result last = build(crashed, Duration.ofMinutes(5));
            assertThat(last.exitCode()).as(last.output()).isZero();

            assertThat(tables(connection, "crashed")).isEqualTo(tables);
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                assertThat(fingerprint(connection, "crashed", table.getKey(), table.getValue(), null))
                        .as(table.getKey())
                        .isEqualTo(fingerprint(connection, "crashref", table.getKey(), table.getValue(), null));
                long distinct = count(connection, "SELECT count(*) FROM (SELECT DISTINCT * FROM " + qualified("crashed", table.getKey()) + ")");
                assertThat(distinct).as(table.getKey()).isEqualTo(count(connection, "SELECT count(*) FROM (SELECT DISTINCT * FROM " + qualified("crashref", table.getKey()) + ")"));
                if (!table.getKey().startsWith("bronze.") && !table.getKey().startsWith("silver.stg_")) {
                    // the example's source data has a row twice (and so its staging view); what vault loads never does
                    assertThat(distinct).as("%s has no duplicate row", table.getKey()).isEqualTo(count(connection, "SELECT count(*) FROM " + qualified("crashed", table.getKey())));
                }
            }
            assertThat(count(connection, "SELECT count(*) FROM iceberg.information_schema.tables WHERE table_schema = 'silver_crashed' AND table_name LIKE 'vault_lock%'"))
                    .as("no run lock left")
                    .isZero();
        }
        System.out.println("TestCrashSafety: " + KILLS + " kills and the checks in " + total.elapsed(TimeUnit.SECONDS) + " s");
    }

    private record Child(Process process, Path log)
    {
        /** Waits until the child printed {@code lines} lines; true when it exited first. */
        boolean awaitLines(int lines, Duration timeout)
                throws InterruptedException
        {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (output().lines().filter(line -> !line.startsWith("WARNING")).count() < lines) {
                if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the child printed no " + lines + " lines in " + timeout + ": " + output());
                }
            }
            return false;
        }

        String output()
        {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }

    private record Result(int exitCode, String output) {}

    private Result build(Path project, Duration timeout)
            throws IOException, InterruptedException
    {
        Child child = start(project);
        if (!child.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.process().destroyForcibly();
            throw new AssertionError("the build did not finish in " + timeout + ": " + child.output());
        }
        return new Result(child.process().exitValue(), child.output());
    }

    /** {@code vault build} in a JVM of its own, on the shared engine. */
    private Child start(Path project)
            throws IOException
    {
        Path log = Files.createTempFile(temp, "child", ".log");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "dev.vault.runner.cli.VaultCli", "build",
                "--jdbc-url", TestingVaultEngine.jdbcUrl(),
                "--project-dir", project.toString(),
                "--lock-lease", LEASE_SECONDS)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        return new Child(builder.start(), log);
    }

    /** The tables and views of a project copy ("silver.hub_pessoa"), with their columns, without the run lock. */
    private static boolean isTable(Connection connection, String suffix, String table)
            throws SQLException
    {
        String[] parts = table.split("\\.");
        return count(connection, "SELECT count(*) FROM iceberg.information_schema.tables WHERE table_schema = '%s_%s' AND table_name = '%s' AND table_type = 'BASE TABLE'"
                .formatted(parts[0], suffix, parts[1])) > 0;
    }

    private static Map<String, List<String>> tables(Connection connection, String suffix)
            throws SQLException
    {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT table_schema, table_name, column_name FROM iceberg.information_schema.columns
                        WHERE table_schema IN ('bronze_%1$s', 'silver_%1$s', 'gold_%1$s') AND table_name NOT LIKE 'vault_lock%%'
                        ORDER BY table_schema, table_name, ordinal_position""".formatted(suffix))) {
            while (rows.next()) {
                String layer = rows.getString(1).substring(0, rows.getString(1).length() - suffix.length() - 1);
                tables.computeIfAbsent(layer + "." + rows.getString(2), ignored -> new ArrayList<>()).add(rows.getString(3));
            }
        }
        return tables;
    }

    private static boolean exists(Connection connection, String suffix, String table)
            throws SQLException
    {
        String[] parts = table.split("\\.");
        return count(connection, "SELECT count(*) FROM iceberg.information_schema.tables WHERE table_schema = '%s_%s' AND table_name = '%s'".formatted(parts[0], suffix, parts[1])) > 0;
    }

    private static List<Long> snapshots(Connection connection, String table)
            throws SQLException
    {
        List<Long> snapshots = new ArrayList<>();
        String[] parts = table.split("\\.");
        if (count(connection, "SELECT count(*) FROM iceberg.information_schema.tables WHERE table_schema = '%s' AND table_name = '%s' AND table_type = 'BASE TABLE'"
                .formatted(parts[1], parts[2])) == 0) {
            return snapshots;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT snapshot_id FROM iceberg.%s.\"%s$snapshots\"".formatted(parts[1], parts[2]))) {
            while (rows.next()) {
                snapshots.add(rows.getLong(1));
            }
        }
        return snapshots;
    }

    /** The row count and an order-independent checksum of every row's values: equal for equal contents. */
    private static String fingerprint(Connection connection, String suffix, String table, List<String> columns, Long snapshot)
            throws SQLException
    {
        String row = columns.stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(", "));
        String value = columns.size() == 1 ? row : "ROW(" + row + ")";
        String sql = "SELECT count(*), to_hex(checksum(%s)) FROM %s%s".formatted(value, qualified(suffix, table), snapshot == null ? "" : " FOR VERSION AS OF " + snapshot);
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1) + " rows, checksum " + rows.getString(2);
        }
    }

    private static String qualified(String suffix, String table)
    {
        String[] parts = table.split("\\.");
        return "iceberg.%s_%s.%s".formatted(parts[0], suffix, parts[1]);
    }

    private static long count(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
