package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.load.Problems;
import dev.vault.core.load.UnitTestReader;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.core.model.UnitTest;
import dev.vault.core.project.ProjectConfig;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.TableDefinition;
import dev.vault.sql.TrinoQueries;
import dev.vault.sql.UnitTestSql;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Runs the unit tests on fixtures ({@code tests/*.yml}, {@link UnitTestReader}): for each, a
 * scratch copy of the project whose every layer is a schema {@code vault_unit_<random>_<schema>},
 * fixture rows in its source (or stage) tables, the models between those and the model under
 * test built by the ordinary run, and the model's rows compared with the expected ones. The
 * scratch schemas are dropped afterwards; the target's own tables are never read or written,
 * not even its run lock, which lives in the scratch silver schema like every other table.
 */
final class UnitTestOperation
{
    /** The load timestamp of a fixture row that does not give one: fixtures rarely care when a row landed. */
    static final String DEFAULT_LOAD_TIMESTAMP = "2000-01-01 00:00:00";
    private static final String GIVEN_SUFFIX = "__given";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VaultContext context;

    UnitTestOperation(VaultContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    UnitTestResult execute(List<UnitTest> tests)
    {
        Stopwatch total = Stopwatch.createStarted();
        // every fixture is checked before the first runs: a typo fails fast, with its file and line
        Problems problems = new Problems();
        Plan plan = context.compiler().compile();
        for (UnitTest test : tests) {
            ModelPlan model = plan.models().get(test.model());
            model.table().ifPresent(table -> UnitTestReader.checkExpectedColumns(context.project(), test, columns(table), problems));
        }
        problems.throwIfAny();
        ImmutableList.Builder<UnitTestResult.Outcome> outcomes = ImmutableList.builder();
        for (UnitTest test : tests) {
            outcomes.add(run(test));
        }
        return new UnitTestResult(outcomes.build(), total.elapsed());
    }

    private UnitTestResult.Outcome run(UnitTest test)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        Project project = context.project();
        Scratch scratch = new Scratch(project);
        Inputs inputs = inputs(project, test);
        SqlExecutor executor = context.executor();
        try {
            for (String schema : scratch.schemas()) {
                executor.update(UnitTestSql.createSchema(project.config().catalog(), schema));
            }
            // every source reads from the scratch bronze schema, also those this test leaves
            // alone: not even the run's metadata queries look at the target's bronze tables
            Map<String, TableName> deferred = new LinkedHashMap<>();
            project.models(Source.class).forEach(source -> deferred.put(source.name(), scratch.sourceTable(source)));
            for (Source source : inputs.sources()) {
                TableName table = scratch.sourceTable(source);
                Map<String, String> types = new LinkedHashMap<>();
                source.columns().forEach(column -> types.put(column.name(), column.type()));
                executor.update(UnitTestSql.createTable(table, types));
                Optional<UnitTest.Given> given = test.given().stream().filter(input -> input.model().equals(source.name())).findFirst();
                if (given.isPresent()) {
                    insert(executor, table, types, given.get().rows(), Optional.of(source));
                }
            }
            if (!inputs.stages().isEmpty()) {
                // a stage given rows is a table shaped like the stage's view: the view is built
                // over the empty sources to learn its columns and types from the engine
                VaultContext views = context.forProject(scratch.project(deferred));
                RunResult built = new RunOperation(views).execute(views.compiler().compile(), inputs.stages(), 1, "Unit test");
                if (!built.successful()) {
                    return error(test, inputs, failure(built), stopwatch);
                }
                for (String stage : inputs.stages()) {
                    TableName view = views.project().tableName(project.model(stage));
                    TableName table = new TableName(view.catalog(), view.schema(), stage + GIVEN_SUFFIX);
                    executor.update(UnitTestSql.createTableLike(table, view));
                    UnitTest.Given given = test.given().stream().filter(input -> input.model().equals(stage)).findFirst().orElseThrow();
                    insert(executor, table, columnTypes(executor, table), given.rows(), Optional.empty());
                    deferred.put(stage, table);
                }
            }
            VaultContext scratchContext = context.forProject(scratch.project(deferred));
            RunResult built = new RunOperation(scratchContext).execute(scratchContext.compiler().compile(), inputs.models(), 1, "Unit test");
            if (!built.successful()) {
                return error(test, inputs, failure(built), stopwatch);
            }
            TableName target = scratchContext.project().tableName(project.model(test.model()));
            Map<String, String> actualColumns = columnTypes(executor, target);
            Problems problems = new Problems();
            UnitTestReader.checkExpectedColumns(project, test, actualColumns, problems);
            problems.throwIfAny();
            return compare(executor, test, inputs, target, actualColumns, stopwatch);
        }
        catch (SQLException e) {
            return error(test, inputs, e.getMessage(), stopwatch);
        }
        finally {
            scratch.drop(executor);
        }
    }

    private UnitTestResult.Outcome compare(SqlExecutor executor, UnitTest test, Inputs inputs, TableName target, Map<String, String> types, Stopwatch stopwatch)
            throws SQLException
    {
        ImmutableList<String> columns = test.expectedColumns();
        List<List<String>> actual = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        if (columns.isEmpty()) {
            // 'rows: []' expects the model empty: any row it holds is unexpected
            long count = Long.parseLong(executor.queryValue(UnitTestSql.countRows(target)).orElse("0"));
            for (long i = 0; i < count; i++) {
                actual.add(List.of());
            }
        }
        else {
            actual.addAll(text(executor.query(UnitTestSql.actualRows(target, columns))));
            if (!test.expected().isEmpty()) {
                expected.addAll(text(executor.query(UnitTestSql.expectedRows(columns, types, values(test.expected(), columns)))));
            }
        }
        // a multiset difference both ways: order does not matter, duplicates do
        Map<List<String>, Integer> remaining = new HashMap<>();
        actual.forEach(row -> remaining.merge(row, 1, Integer::sum));
        ImmutableList.Builder<List<String>> missing = ImmutableList.builder();
        for (List<String> row : expected) {
            Integer count = remaining.get(row);
            if (count == null || count == 0) {
                missing.add(row);
            }
            else {
                remaining.put(row, count - 1);
            }
        }
        ImmutableList.Builder<List<String>> unexpected = ImmutableList.builder();
        Map<List<String>, Integer> shown = new HashMap<>();
        for (List<String> row : actual) {
            int extra = remaining.getOrDefault(row, 0);
            if (shown.merge(row, 1, Integer::sum) <= extra) {
                unexpected.add(row);
            }
        }
        return new UnitTestResult.Outcome(test.name(), test.model(), test.location(), inputs.buildOrder(), columns, missing.build(), unexpected.build(),
                actual.size(), Optional.empty(), stopwatch.elapsed());
    }

    private static List<List<String>> text(QueryResult result)
    {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> values = new ArrayList<>(row.size());
            row.forEach(value -> values.add(value == null ? null : value.toString()));
            rows.add(Collections.unmodifiableList(values));
        }
        return rows;
    }

    private void insert(SqlExecutor executor, TableName table, Map<String, String> types, List<UnitTest.Row> rows, Optional<Source> source)
            throws SQLException
    {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> named = new LinkedHashSet<>();
        rows.forEach(row -> named.addAll(row.cells().keySet()));
        // a source's load timestamp is NOT NULL downstream: a row that leaves it out gets a fixed one
        // (a row that writes null keeps its null, to test what a load does with it)
        Optional<String> loadTimestamp = source.map(Source::loadTimestamp).filter(types::containsKey);
        loadTimestamp.ifPresent(named::add);
        List<String> columns = ImmutableList.copyOf(named);
        List<List<Optional<String>>> values = values(rows, columns);
        if (loadTimestamp.isPresent()) {
            TypeFamily family = context.project().dialect().typeFamily(context.project().dialect().normalizeType(types.get(loadTimestamp.get())));
            Optional<String> fixed = Optional.of(DEFAULT_LOAD_TIMESTAMP + (family == TypeFamily.TIMESTAMP_WITH_TIME_ZONE ? " UTC" : ""));
            int index = columns.indexOf(loadTimestamp.get());
            List<List<Optional<String>>> filled = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                List<Optional<String>> row = new ArrayList<>(values.get(i));
                if (!rows.get(i).cells().containsKey(loadTimestamp.get())) {
                    row.set(index, fixed);
                }
                filled.add(row);
            }
            values = filled;
        }
        executor.update(UnitTestSql.insert(table, columns, types, values));
    }

    private static List<List<Optional<String>>> values(List<UnitTest.Row> rows, List<String> columns)
    {
        List<List<Optional<String>>> values = new ArrayList<>();
        for (UnitTest.Row row : rows) {
            values.add(columns.stream().map(row::value).toList());
        }
        return values;
    }

    private static Map<String, String> columnTypes(SqlExecutor executor, TableName table)
            throws SQLException
    {
        Map<String, String> columns = new LinkedHashMap<>();
        for (List<Object> row : executor.query(TrinoQueries.columnsOf(table)).rows()) {
            columns.put(row.get(0).toString(), row.get(1).toString());
        }
        if (columns.isEmpty()) {
            throw new SQLException("the unit test's model has no table " + table);
        }
        return columns;
    }

    private static Map<String, String> columns(TableDefinition table)
    {
        Map<String, String> columns = new LinkedHashMap<>();
        table.columns().forEach(column -> columns.put(column.name(), column.type()));
        return columns;
    }

    private static String failure(RunResult result)
    {
        return result.failures().stream()
                .map(failed -> "%s %s on the fixture rows: %s".formatted(failed.model(), failed.status().name().toLowerCase(Locale.ROOT), failed.error().orElse(failed.detail())))
                .reduce((first, second) -> first + "; " + second)
                .orElse("the build failed");
    }

    private static UnitTestResult.Outcome error(UnitTest test, Inputs inputs, String message, Stopwatch stopwatch)
    {
        return new UnitTestResult.Outcome(test.name(), test.model(), test.location(), inputs.buildOrder(), test.expectedColumns(), ImmutableList.of(), ImmutableList.of(),
                0, Optional.of(message), stopwatch.elapsed());
    }

    /**
     * What a test needs: walking up from the model under test and stopping at the models given
     * rows, the models to build, the sources (given rows or empty) and the stages given rows.
     */
    private static Inputs inputs(Project project, UnitTest test)
    {
        Set<String> given = test.givenModels();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(test.model()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name) || given.contains(name)) {
                continue;
            }
            pending.addAll(project.graph().parents(name));
        }
        ImmutableList.Builder<Source> sources = ImmutableList.builder();
        ImmutableSet.Builder<String> models = ImmutableSet.builder();
        ImmutableList.Builder<String> order = ImmutableList.builder();
        Set<String> stageSources = new LinkedHashSet<>();
        for (Model model : project.inBuildOrder()) {
            if (!seen.contains(model.name())) {
                continue;
            }
            if (model instanceof Source source) {
                sources.add(source);
            }
            else if (given.contains(model.name())) {
                stageSources.addAll(model.dependencies());
            }
            else {
                models.add(model.name());
                order.add(model.name());
            }
        }
        // a stage given rows still needs its source, empty, to build its view from
        List<Source> all = new ArrayList<>(sources.build());
        for (String name : stageSources) {
            Source source = project.model(name, Source.class);
            if (!all.contains(source)) {
                all.add(source);
            }
        }
        ImmutableSet<String> stages = test.given().stream().filter(input -> input.kind() == ModelKind.STAGE).map(UnitTest.Given::model).collect(ImmutableSet.toImmutableSet());
        return new Inputs(ImmutableList.copyOf(all), stages, models.build(), order.build());
    }

    private record Inputs(ImmutableList<Source> sources, ImmutableSet<String> stages, ImmutableSet<String> models, ImmutableList<String> buildOrder) {}

    /** The scratch schemas of one test: each schema of the project, renamed. */
    private static final class Scratch
    {
        private final Project project;
        private final ImmutableMap<String, String> schemas;

        Scratch(Project project)
        {
            this.project = project;
            String id = HexFormat.of().formatHex(RANDOM.generateSeed(4));
            Map<String, String> schemas = new LinkedHashMap<>();
            for (Layer layer : Layer.values()) {
                String schema = project.config().schema(layer);
                schemas.putIfAbsent(schema, "vault_unit_" + id + "_" + schema);
            }
            this.schemas = ImmutableMap.copyOf(schemas);
        }

        ImmutableList<String> schemas()
        {
            return schemas.values().asList();
        }

        /** A source's fixture table: in the scratch bronze schema, named as the source model (unique, unlike table names across schemas). */
        TableName sourceTable(Source source)
        {
            return new TableName(project.config().catalog(), schemas.get(project.config().schema(Layer.BRONZE)), source.name());
        }

        /** The project with its layers in the scratch schemas, and these models read from the tables given. */
        Project project(Map<String, TableName> deferred)
        {
            ProjectConfig config = project.config();
            Map<Layer, String> layers = new EnumMap<>(Layer.class);
            config.schemas().forEach((layer, schema) -> layers.put(layer, schemas.get(schema)));
            ProjectConfig scratch = new ProjectConfig(config.name(), config.root(), config.modelPaths(), config.seedPaths(), config.targetPath(), config.catalog(),
                    ImmutableMap.copyOf(layers), config.defaultTarget(), config.targets(), config.hashing(), config.loading(), config.identity(), config.maintenance());
            return project.withConfig(scratch).withDeferred(deferred);
        }

        /** Drops every table and view of the scratch schemas, then the schemas; a failure to drop is not the test's. */
        void drop(SqlExecutor executor)
        {
            String catalog = project.config().catalog();
            for (String schema : schemas.values()) {
                try {
                    QueryResult relations = executor.query(UnitTestSql.relationsOf(catalog, schema));
                    // views first: they read the tables
                    for (String kind : List.of("VIEW", "BASE TABLE")) {
                        for (List<Object> row : relations.rows()) {
                            if (String.valueOf(row.get(1)).equals(kind)) {
                                TableName table = new TableName(catalog, schema, row.get(0).toString());
                                executor.update(kind.equals("VIEW") ? UnitTestSql.dropView(table) : UnitTestSql.dropTable(table));
                            }
                        }
                    }
                    executor.update(UnitTestSql.dropSchema(catalog, schema));
                }
                catch (SQLException e) {
                    throw new VaultException(ErrorCode.MODEL_FAILED, "cannot drop the unit tests' scratch schema %s.%s: %s; drop it by hand".formatted(catalog, schema, e.getMessage()), e);
                }
            }
        }
    }
}
