package dev.vault.embedded.conformance;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.core.yaml.YamlNode;
import dev.vault.core.yaml.YamlReader;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkArgument;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the conformance scenarios of one entity kind: {@code conformance/<kind>/} holds a small
 * vault project (vault.yml, models/), {@code checks.yml} (how each checked table is read and how
 * its rows are told apart per scenario) and {@code scenarios/*.yml}. All scenarios share one
 * project and one series of vault runs, kept apart by their business keys (each starts with the
 * scenario's id and '-'): batch n of every scenario lands before run n, so a kind costs as many
 * vault runs as its longest scenario has, plus one re-run and one per scenario that expects a
 * failure. Each scenario is reported as its own test, with the rows that differ.
 */
public final class ConformanceSuite
{
    private static final Path ROOT = Path.of("src/test/resources/conformance");
    private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([^']*)'\\s*\\)\\s*}}");

    private final String kind;
    private final Path definition;
    private final Map<Scenario, List<String>> problems = new LinkedHashMap<>();
    private final List<String> rerunProblems = new ArrayList<>();
    private Project project;
    private Values values;
    private Map<String, Check> checks;

    private ConformanceSuite(String kind)
    {
        this.kind = kind;
        this.definition = ROOT.resolve(kind);
    }

    /** Runs every scenario of {@code conformance/<kind>/} and returns one test per scenario, plus the re-run check. */
    public static Stream<DynamicNode> run(String kind, Path workDirectory)
    {
        return new ConformanceSuite(kind).run(workDirectory);
    }

    /** How a checked table is read: a query, the column that tells its scenario, and optionally the hash key column whose zero key belongs to the zero-key scenario. */
    private record Check(String table, String sql, String scope, Optional<String> zeroKey) {}

    private Stream<DynamicNode> run(Path workDirectory)
    {
        Path copy = copy(definition, workDirectory.resolve(kind));
        try (Vault vault = TestingVaultEngine.configure(copy).load();
                Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null)) {
            project = vault.project();
            values = new Values(project.config().hashing());
            checks = readChecks(definition.resolve("checks.yml"));
            Map<String, Source> sources = new TreeMap<>();
            project.models(Source.class).forEach(source -> sources.put(source.name(), source));
            List<Scenario> scenarios = readScenarios(sources);
            createSources(connection, sources.values());

            int runs = scenarios.stream().flatMap(scenario -> scenario.batches().stream()).filter(batch -> batch.fails().isEmpty())
                    .mapToInt(Scenario.Batch::run).max().orElse(-1) + 1;
            for (int run = 0; run < runs; run++) {
                int current = run;
                List<Scenario.Batch> landing = new ArrayList<>();
                Map<Scenario.Batch, Scenario> owners = new HashMap<>();
                for (Scenario scenario : scenarios) {
                    scenario.batches().stream().filter(batch -> batch.run() == current && batch.fails().isEmpty()).forEach(batch -> {
                        landing.add(batch);
                        owners.put(batch, scenario);
                    });
                }
                insert(connection, sources, landing);
                RunResult result = runVault(vault);
                if (!result.successful()) {
                    String failure = "vault run %d failed: %s".formatted(run + 1, describe(result.failures()));
                    scenarios.forEach(scenario -> problems.get(scenario).add(failure));
                }
                for (Scenario.Batch batch : landing) {
                    batch.expect().ifPresent(expect -> check(connection, owners.get(batch), expect, "after batch " + batch.number()));
                }
            }
            for (Scenario scenario : scenarios) {
                if (scenario.failingBatch().isEmpty()) {
                    scenario.expect().ifPresent(expect -> check(connection, scenario, expect, "after the last batch"));
                }
            }
            rerun(vault, connection);
            for (Scenario scenario : scenarios) {
                scenario.failingBatch().ifPresent(batch -> runFailing(vault, connection, sources, scenario, batch));
            }
            return Stream.concat(
                    scenarios.stream().map(this::test),
                    Stream.of(DynamicTest.dynamicTest(kind + ": re-running the last batch writes no new snapshot", () -> {
                        if (!rerunProblems.isEmpty()) {
                            fail(String.join("\n", rerunProblems));
                        }
                    })));
        }
        catch (SQLException e) {
            throw new IllegalStateException("conformance " + kind + ": " + e.getMessage(), e);
        }
    }

    private RunResult runVault(Vault vault)
    {
        RunResult result = vault.run();
        tableRows.clear();
        return result;
    }

    private DynamicTest test(Scenario scenario)
    {
        // no file URI as test source: Surefire reports only tests whose source is a method
        return DynamicTest.dynamicTest(kind + " " + scenario.displayName(), () -> {
            List<String> found = problems.get(scenario);
            if (!found.isEmpty()) {
                fail("%s %s (%s)%n%s%n%s".formatted(kind, scenario.displayName(), scenario.location(), scenario.description().strip(), String.join("\n", found)));
            }
        });
    }

    /** Re-running with no new bronze rows must succeed and commit no snapshot to any table. */
    private void rerun(Vault vault, Connection connection)
            throws SQLException
    {
        Map<TableName, Long> before = snapshots(vault, connection);
        RunResult result = runVault(vault);
        if (!result.successful()) {
            rerunProblems.add("the re-run failed: " + describe(result.failures()));
        }
        Map<TableName, Long> after = snapshots(vault, connection);
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                rerunProblems.add("%s: %d snapshots before the re-run, %d after".formatted(table, count, after.get(table)));
            }
        });
    }

    /** Lands a scenario's failing batch alone, runs, expects the failure and an unchanged table, then takes the rows out again. */
    private void runFailing(Vault vault, Connection connection, Map<String, Source> sources, Scenario scenario, Scenario.Batch batch)
    {
        Scenario.Failure failure = batch.fails().orElseThrow();
        List<String> found = problems.get(scenario);
        try {
            insert(connection, sources, List.of(batch));
            TableName failingTable = project.tableName(project.model(failure.model()));
            long before = snapshotCount(connection, failingTable);
            RunResult result = runVault(vault);
            ModelResult model = result.model(failure.model());
            if (model.status() != ModelResult.Status.FAILED) {
                found.add("batch %d (%s): expected model %s to fail with '%s', but it ended %s: %s".formatted(batch.number(), batch.location(), failure.model(), failure.message(), model.status(), model.detail()));
            }
            else if (!model.error().orElse("").contains(failure.message())) {
                found.add("batch %d (%s): model %s failed, but its error does not contain '%s': %s".formatted(batch.number(), batch.location(), failure.model(), failure.message(), model.error().orElse("")));
            }
            long after = snapshotCount(connection, failingTable);
            if (after != before) {
                found.add("batch %d: the failed load of %s committed %d snapshot(s); a failed load must write nothing".formatted(batch.number(), failure.model(), after - before));
            }
            scenario.expect().ifPresent(expect -> check(connection, scenario, expect, "after the failing batch " + batch.number()));
            delete(connection, sources, batch);
        }
        catch (SQLException e) {
            found.add("batch %d: %s".formatted(batch.number(), e.getMessage()));
        }
    }

    /** The rows of a checked table as read after the latest run; read once per run for all scenarios. */
    private record TableRows(List<String> columns, List<Map<String, String>> rows) {}

    private final Map<String, TableRows> tableRows = new HashMap<>();

    private TableRows rows(Connection connection, Check check)
            throws SQLException
    {
        TableRows cached = tableRows.get(check.table());
        if (cached != null) {
            return cached;
        }
        List<Map<String, String>> actual = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(check.sql())) {
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                columns.add(rows.getMetaData().getColumnName(column));
            }
            while (rows.next()) {
                Map<String, String> row = new HashMap<>();
                for (int column = 1; column <= columns.size(); column++) {
                    row.put(columns.get(column - 1), Values.actual(rows.getString(column)));
                }
                actual.add(row);
            }
        }
        TableRows result = new TableRows(columns, actual);
        tableRows.put(check.table(), result);
        return result;
    }

    private void check(Connection connection, Scenario scenario, Scenario.Expectation expectation, String when)
    {
        String zero = project.config().hashing().zeroKey();
        for (Scenario.ExpectedTable expected : expectation.tables().values()) {
            Check check = checks.get(expected.table());
            TableRows table;
            try {
                table = rows(connection, check);
            }
            catch (SQLException e) {
                problems.get(scenario).add("%s %s: cannot read (%s): %s".formatted(expected.table(), when, check.sql(), e.getMessage()));
                continue;
            }
            List<String> columns = table.columns();
            List<Map<String, String>> actual = table.rows().stream()
                    .filter(row -> row.get(check.scope()) != null && row.get(check.scope()).startsWith(scenario.id() + "-")
                            || scenario.zeroKey() && check.zeroKey().isPresent() && zero.equals(row.get(check.zeroKey().get())))
                    .toList();
            List<String> compared = expected.columns().isEmpty() ? columns : expected.columns();
            List<String> unknown = compared.stream().filter(column -> !columns.contains(column)).toList();
            if (!unknown.isEmpty()) {
                problems.get(scenario).add("%s (%s): no column %s; checks.yml reads %s".formatted(expected.table(), expected.location(), unknown, columns));
                continue;
            }
            List<List<String>> wanted = new ArrayList<>();
            for (Scenario.Row row : expected.rows()) {
                try {
                    wanted.add(compared.stream().map(column -> values.expected(row.values().get(column))).toList());
                }
                catch (IllegalArgumentException e) {
                    problems.get(scenario).add("%s: %s".formatted(row.location(), e.getMessage()));
                }
            }
            List<List<String>> got = actual.stream().map(row -> compared.stream().map(row::get).toList()).collect(Collectors.toCollection(ArrayList::new));
            List<List<String>> missing = new ArrayList<>();
            for (List<String> row : wanted) {
                if (!got.remove(row)) {
                    missing.add(row);
                }
            }
            if (!missing.isEmpty() || !got.isEmpty()) {
                StringBuilder message = new StringBuilder("%s %s (expected at %s): %d missing, %d unexpected, %d matching%n    %s".formatted(
                        expected.table(), when, expected.location(), missing.size(), got.size(), wanted.size() - missing.size(), String.join(" | ", compared)));
                missing.forEach(row -> message.append("\n  - ").append(format(row)));
                got.forEach(row -> message.append("\n  + ").append(format(row)));
                problems.get(scenario).add(message.toString());
            }
        }
    }

    private static String format(List<String> row)
    {
        return row.stream().map(value -> value == null ? "null" : "'" + value + "'").collect(Collectors.joining(" | "));
    }

    private void createSources(Connection connection, Iterable<Source> sources)
            throws SQLException
    {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (Source source : sources) {
                TableName table = project.tableName(source);
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(table.catalog()) + "." + SqlText.identifier(table.schema()));
                statement.execute("CREATE TABLE " + SqlText.table(table) + " ("
                        + source.columns().stream().map(column -> SqlText.identifier(column.name()) + " " + column.type()).collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private void insert(Connection connection, Map<String, Source> sources, List<Scenario.Batch> batches)
            throws SQLException
    {
        tableRows.clear();
        try (java.sql.Statement statement = connection.createStatement()) {
            for (Source source : sources.values()) {
                List<String> rows = batches.stream()
                        .flatMap(batch -> batch.rows().get(source.name()).stream())
                        .map(row -> "(" + source.columns().stream().map(column -> sqlValue(row.values().get(column.name()), column.type())).collect(Collectors.joining(", ")) + ")")
                        .toList();
                if (!rows.isEmpty()) {
                    statement.executeUpdate("INSERT INTO " + SqlText.table(project.tableName(source)) + " VALUES\n" + String.join(",\n", rows));
                }
            }
        }
    }

    private void delete(Connection connection, Map<String, Source> sources, Scenario.Batch batch)
            throws SQLException
    {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (Source source : sources.values()) {
                List<String> rows = batch.rows().get(source.name()).stream()
                        .map(row -> "(" + source.columns().stream()
                                .map(column -> SqlText.identifier(column.name()) + " IS NOT DISTINCT FROM " + sqlValue(row.values().get(column.name()), column.type()))
                                .collect(Collectors.joining(" AND ")) + ")")
                        .toList();
                if (!rows.isEmpty()) {
                    statement.executeUpdate("DELETE FROM " + SqlText.table(project.tableName(source)) + " WHERE " + String.join(" OR ", rows));
                }
            }
        }
    }

    private static String sqlValue(String value, String type)
    {
        return value == null ? "CAST(NULL AS " + type + ")" : "CAST(" + SqlText.literal(Values.input(value, type)) + " AS " + type + ")";
    }

    private Map<TableName, Long> snapshots(Vault vault, Connection connection)
            throws SQLException
    {
        Map<TableName, Long> counts = new LinkedHashMap<>();
        for (ModelPlan model : vault.plan().models().values()) {
            for (Statement statement : model.statements()) {
                if (statement.kind() == Statement.Kind.CREATE_TABLE) {
                    counts.put(statement.target(), snapshotCount(connection, statement.target()));
                }
            }
        }
        return counts;
    }

    private static long snapshotCount(Connection connection, TableName table)
            throws SQLException
    {
        try (java.sql.Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + SqlText.metadataTable(table, "snapshots"))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String describe(List<ModelResult> failures)
    {
        return failures.stream().map(model -> model.model() + ": " + model.error().orElse(model.detail())).collect(Collectors.joining("; "));
    }

    private List<Scenario> readScenarios(Map<String, Source> sources)
    {
        Map<String, ImmutableSet<String>> columns = new TreeMap<>();
        sources.forEach((name, source) -> columns.put(name, source.columns().stream().map(column -> column.name()).collect(ImmutableSet.toImmutableSet())));
        ScenarioReader reader = new ScenarioReader(columns, checks.keySet());
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(definition.resolve("scenarios"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yml")).sorted().toList()) {
                scenarios.add(reader.read(file, definition.relativize(file)));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Scenario> ids = new HashMap<>();
        for (Scenario scenario : scenarios) {
            Scenario other = ids.put(scenario.id(), scenario);
            checkArgument(other == null, "%s: scenario id %s is taken by %s", scenario.location(), scenario.id(), other == null ? null : other.location());
            problems.put(scenario, new ArrayList<>());
        }
        List<Scenario> zeroKey = scenarios.stream().filter(Scenario::zeroKey).toList();
        checkArgument(zeroKey.size() <= 1, "conformance %s: only one scenario may own the zero key, not %s", kind, zeroKey.stream().map(Scenario::id).toList());
        return scenarios;
    }

    private Map<String, Check> readChecks(Path file)
    {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Check> result = new LinkedHashMap<>();
        YamlNode root = YamlReader.read(definition.relativize(file), content).orElseThrow();
        YamlNode.Mapping tables = (YamlNode.Mapping) ((YamlNode.Mapping) root).get("tables").orElseThrow(() -> new IllegalArgumentException(file + ": needs 'tables:'"));
        for (YamlNode.Entry entry : tables.entries().values()) {
            YamlNode.Mapping check = (YamlNode.Mapping) entry.value();
            String sql = scalar(check, "sql", entry.keyLocation()).orElseThrow(() -> new IllegalArgumentException(entry.keyLocation() + ": needs 'sql:'"));
            Matcher ref = REF.matcher(sql);
            StringBuilder resolved = new StringBuilder();
            while (ref.find()) {
                ref.appendReplacement(resolved, Matcher.quoteReplacement(SqlText.table(project.refTable(ref.group(1)))));
            }
            ref.appendTail(resolved);
            result.put(entry.key(), new Check(entry.key(), resolved.toString(),
                    scalar(check, "scope", entry.keyLocation()).orElseThrow(() -> new IllegalArgumentException(entry.keyLocation() + ": needs 'scope:', the column whose value starts with the scenario id")),
                    scalar(check, "zero-key", entry.keyLocation())));
        }
        return ImmutableMap.copyOf(result);
    }

    private static Optional<String> scalar(YamlNode.Mapping mapping, String key, Location where)
    {
        return mapping.get(key).map(node -> {
            if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                return scalar.text();
            }
            throw new IllegalArgumentException(where + ": '" + key + "' must be a single value");
        });
    }

    private static Path copy(Path from, Path to)
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
            return to;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
