package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Location;
import dev.vault.core.model.ModelKind;
import dev.vault.core.yaml.YamlNode;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads the data tests of one model, dbt-style: {@code tests:} under a column of a source or a
 * mart ({@code tests: [not_null, {accepted_values: {values: [a, b]}}]}), and {@code tests:} under
 * any model, where each test names its {@code column:} (hubs, links and satellites have no
 * {@code columns:} to hang tests on: vault generates their columns). Only the shape is checked
 * here; columns and models a test names are checked by {@link DataTestValidator}.
 */
final class DataTestReader
{
    static final String KEY = "tests";

    private static final ImmutableSet<String> COMMON_KEYS = ImmutableSet.of("severity", "where");
    private static final ImmutableSet<String> MART_COLUMN_KEYS = ImmutableSet.of("name", "description", KEY);
    // accepted values with 'quote: false' are pasted into SQL: only numbers and booleans
    private static final Pattern UNQUOTED_VALUE = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false|TRUE|FALSE");

    private final Problems problems;
    private final SqlDialect dialect;
    private final ImmutableListMultimap.Builder<String, DeclaredTest> tests = ImmutableListMultimap.builder();

    DataTestReader(Problems problems, SqlDialect dialect)
    {
        this.problems = requireNonNull(problems, "problems is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** Every test read so far, by model name. */
    ImmutableListMultimap<String, DeclaredTest> tests()
    {
        return tests.build();
    }

    /** Reads the {@code tests:} of the model's columns (sources and marts), then the model-level {@code tests:}. */
    void read(String model, ModelKind kind, Fields fields)
    {
        if (kind == ModelKind.SOURCE || kind == ModelKind.MART) {
            readColumns(model, kind, fields);
        }
        fields.node(KEY).ifPresent(node -> {
            for (YamlNode item : items(node, fields.what())) {
                test(item, Optional.empty(), "a test of " + fields.what()).ifPresent(test -> tests.put(model, test));
            }
        });
    }

    private void readColumns(String model, ModelKind kind, Fields fields)
    {
        Optional<YamlNode> columns = fields.node("columns");
        if (kind == ModelKind.MART) {
            // a source's columns are read, and their shape reported, by ModelFileReader; a mart's only here
            for (Fields column : fields.mappings("columns", "a column of " + fields.what())) {
                column.rejectUnknownKeys(MART_COLUMN_KEYS);
                String name = column.requiredString("name");
                if (!name.isEmpty()) {
                    Identifiers.check(name, "column").ifPresent(message -> problems.add(column.locationOf("name"), message));
                }
            }
        }
        if (columns.isEmpty() || !(columns.get() instanceof YamlNode.Sequence sequence)) {
            return;
        }
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                continue;
            }
            Optional<String> name = mapping.get("name").filter(YamlNode.Scalar.class::isInstance).map(YamlNode.Scalar.class::cast)
                    .filter(scalar -> !scalar.isNull() && !scalar.text().isBlank()).map(YamlNode.Scalar::text);
            Optional<YamlNode> columnTests = mapping.get(KEY);
            if (name.isEmpty() || columnTests.isEmpty()) {
                continue;
            }
            String what = "column '" + name.get() + "' of " + fields.what();
            for (YamlNode testNode : items(columnTests.get(), what)) {
                test(testNode, name, "a test of " + what).ifPresent(test -> tests.put(model, test));
            }
        }
    }

    private ImmutableList<YamlNode> items(YamlNode node, String what)
    {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problems.add(node.location(), "'tests' of %s must be a list like [not_null, unique], found %s", what, node.kind());
        return ImmutableList.of();
    }

    /** One test: {@code not_null}, or {@code {accepted_values: {values: [...]}}} with its arguments. */
    private Optional<DeclaredTest> test(YamlNode node, Optional<String> column, String what)
    {
        String name;
        Location location;
        Optional<YamlNode> arguments;
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            name = scalar.text();
            location = scalar.location();
            arguments = Optional.empty();
        }
        else if (node instanceof YamlNode.Mapping mapping && mapping.entries().size() == 1) {
            YamlNode.Entry entry = mapping.entries().values().iterator().next();
            name = entry.key();
            location = entry.keyLocation();
            arguments = entry.value() instanceof YamlNode.Scalar scalar && scalar.isNull() ? Optional.empty() : Optional.of(entry.value());
        }
        else {
            problems.add(node.location(), "%s must be a test name like 'not_null', or one test name with its arguments like '{accepted_values: {values: [a, b]}}', found %s",
                    what, node.kind());
            return Optional.empty();
        }
        Optional<DeclaredTest.Kind> kind = DeclaredTest.Kind.fromYaml(name);
        if (kind.isEmpty()) {
            problems.add(location, "unknown test '%s' in %s%s", name, what.substring("a test of ".length()), Suggestions.hint(name, kindNames()));
            return Optional.empty();
        }
        String testWhat = "test '" + name + "' of " + what.substring("a test of ".length());
        // 'expression: <sql>' is short for 'expression: {sql: <sql>}'
        if (kind.get() == DeclaredTest.Kind.EXPRESSION && arguments.isPresent() && arguments.get() instanceof YamlNode.Scalar scalar) {
            return Optional.of(expressionTest(column, scalar.text(), scalar.location(), Optional.empty(), DeclaredTest.Severity.ERROR, location, testWhat));
        }
        Fields fields;
        if (arguments.isEmpty()) {
            fields = new Fields(new YamlNode.Mapping(ImmutableMap.of(), location), testWhat, problems);
        }
        else {
            Optional<Fields> parsed = Fields.of(arguments.get(), "the arguments of " + testWhat, problems);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            fields = new Fields(parsed.get().mapping(), testWhat, problems);
        }
        return Optional.of(test(kind.get(), column, fields, location));
    }

    private DeclaredTest test(DeclaredTest.Kind kind, Optional<String> column, Fields fields, Location location)
    {
        ImmutableSet.Builder<String> known = ImmutableSet.<String>builder().addAll(COMMON_KEYS);
        if (column.isEmpty()) {
            known.add("column");
        }
        switch (kind) {
            case UNIQUE -> {
                if (column.isEmpty()) {
                    known.add("columns");
                }
            }
            case ACCEPTED_VALUES -> known.add("values", "quote");
            case RELATIONSHIPS -> known.add("to", "field");
            case EXPRESSION -> known.add("sql");
            case NOT_NULL -> {}
        }
        fields.rejectUnknownKeys(known.build());
        DeclaredTest.Severity severity = fields.enumValue("severity", DeclaredTest.Severity.class, DeclaredTest.Severity.ERROR);
        Optional<String> where = fields.string("where");
        where.ifPresent(sql -> checkSql(sql, fields.locationOf("where"), "'where' of " + fields.what()));

        ImmutableList<String> columns = column.map(ImmutableList::of).orElse(ImmutableList.of());
        if (column.isEmpty()) {
            columns = modelLevelColumns(kind, fields, location);
        }
        if (kind == DeclaredTest.Kind.EXPRESSION) {
            String sql = fields.requiredString("sql");
            return expressionTest(columns.isEmpty() ? Optional.empty() : Optional.of(columns.getFirst()), sql, fields.locationOf("sql"), where, severity, location, fields.what());
        }
        ImmutableList<String> values = ImmutableList.of();
        boolean quote = true;
        if (kind == DeclaredTest.Kind.ACCEPTED_VALUES) {
            ImmutableList<Fields.Located<String>> located = fields.requiredStringList("values");
            values = located.stream().map(Fields.Located::value).collect(ImmutableList.toImmutableList());
            quote = fields.bool("quote", true);
            if (!quote) {
                for (Fields.Located<String> value : located) {
                    if (!UNQUOTED_VALUE.matcher(value.value()).matches()) {
                        problems.add(value.location(), "'%s' in 'values' of %s is not a number or a boolean; with 'quote: false' values are written into SQL as they are, so only those are allowed",
                                value.value(), fields.what());
                    }
                }
            }
        }
        Optional<String> to = Optional.empty();
        Optional<String> field = Optional.empty();
        if (kind == DeclaredTest.Kind.RELATIONSHIPS) {
            String target = fields.requiredString("to");
            to = target.isEmpty() ? Optional.empty() : Optional.of(target);
            field = fields.string("field");
            field.ifPresent(name -> Identifiers.check(name, "column").ifPresent(message -> problems.add(fields.locationOf("field"), message)));
        }
        return new DeclaredTest(kind, columns, values, quote, to, field, Optional.empty(), where, severity, location);
    }

    private ImmutableList<String> modelLevelColumns(DeclaredTest.Kind kind, Fields fields, Location location)
    {
        if (kind == DeclaredTest.Kind.UNIQUE && fields.has("columns")) {
            if (fields.has("column")) {
                problems.add(location, "%s has both 'column:' and 'columns:'; use 'columns: [a, b]' for a combination of columns", fields.what());
            }
            return checkedNames(fields.requiredStringList("columns"));
        }
        if (kind == DeclaredTest.Kind.EXPRESSION) {
            return fields.string("column").map(name -> checkedNames(ImmutableList.of(new Fields.Located<>(name, fields.locationOf("column"))))).orElse(ImmutableList.of());
        }
        Optional<String> column = fields.string("column");
        if (column.isEmpty()) {
            if (!fields.has("column")) {
                problems.add(location, "%s is written under the model, so it needs the column it tests: '- %s: {column: <name>}'%s",
                        fields.what(), kind.yamlName(), kind == DeclaredTest.Kind.UNIQUE ? " (or 'columns: [a, b]')" : "");
            }
            return ImmutableList.of();
        }
        return checkedNames(ImmutableList.of(new Fields.Located<>(column.get(), fields.locationOf("column"))));
    }

    private ImmutableList<String> checkedNames(ImmutableList<Fields.Located<String>> names)
    {
        for (Fields.Located<String> name : names) {
            Identifiers.check(name.value(), "column").ifPresent(message -> problems.add(name.location(), message));
        }
        return names.stream().map(Fields.Located::value).collect(ImmutableList.toImmutableList());
    }

    private DeclaredTest expressionTest(Optional<String> column, String sql, Location sqlLocation, Optional<String> where, DeclaredTest.Severity severity, Location location, String what)
    {
        checkSql(sql, sqlLocation, "the expression of " + what);
        return new DeclaredTest(DeclaredTest.Kind.EXPRESSION, column.map(ImmutableList::of).orElse(ImmutableList.of()), ImmutableList.of(), true,
                Optional.empty(), Optional.empty(), sql.isBlank() ? Optional.empty() : Optional.of(sql), where, severity, location);
    }

    /** Test SQL is pasted into a query as written: like a derived column it must be one expression, no ';' or comment. */
    private void checkSql(String sql, Location location, String what)
    {
        dialect.unsafeExpression(sql).ifPresent(reason -> problems.add(location, "%s is not a single SQL expression: %s", what, reason));
        if (sql.contains("{{") || sql.contains("{%")) {
            problems.add(location, "%s uses a template expression; test SQL is plain Trino SQL over the model's own columns", what);
        }
    }

    private static Set<String> kindNames()
    {
        return Arrays.stream(DeclaredTest.Kind.values()).map(DeclaredTest.Kind::yamlName).collect(ImmutableSet.toImmutableSet());
    }
}
