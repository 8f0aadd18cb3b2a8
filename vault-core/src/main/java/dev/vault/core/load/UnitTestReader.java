package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.UnitTest;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.seed.SeedReader;
import dev.vault.core.yaml.YamlException;
import dev.vault.core.yaml.YamlNode;
import dev.vault.core.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Reads the unit tests on fixtures of a project: every {@code .yml} file under {@code tests/}
 * with a list {@code unit-tests:}, like dbt's unit tests:
 * <pre>{@code
 * unit-tests:
 *   - name: hub_produtor_one_row_per_producer
 *     model: hub_produtor
 *     given:
 *       - source: crm_activecampaign_contacts       # or stage: <stage>
 *         rows:
 *           - { contact_id: C1, producer_id: PRD-1 }
 *     expect:
 *       rows:
 *         - { hk_produtor: "hash(PRD-1)", producer_id: PRD-1 }
 * }</pre>
 * A value may be a helper that computes what vault's SQL writes, so fixtures stay readable:
 * {@code hash(k1, k2)} (a hash key of business keys, {@code null} for a missing part),
 * {@code hashdiff(col=value, ...)}, {@code identity_record(record source, key, ...)} (an
 * identity stage's record, and the key of the person first seen in it) and {@code zero_key()}.
 * Models, columns and values are checked against the project here, each problem with its file
 * and line; the columns of an expected hub, link, satellite or mart are known only once built,
 * and are checked by {@link #checkExpectedColumns}.
 */
public final class UnitTestReader
{
    /** The folder of the project root that holds the unit tests. */
    public static final String FOLDER = "tests";
    public static final String KEY = "unit-tests";

    private static final ImmutableSet<String> TEST_KEYS = ImmutableSet.of("name", "model", "description", "given", "expect");
    private static final ImmutableSet<String> GIVEN_KEYS = ImmutableSet.of("source", "stage", "rows");
    private static final ImmutableSet<String> EXPECT_KEYS = ImmutableSet.of("rows");
    private static final Pattern HELPER = Pattern.compile("(hash|hashdiff|identity_record|zero_key)\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern PAIR = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)", Pattern.DOTALL);

    private final Project project;
    private final Problems problems;
    private final HashingSettings hashing;

    private UnitTestReader(Project project, Problems problems)
    {
        this.project = requireNonNull(project, "project is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.hashing = project.config().hashing();
    }

    /** The unit tests under the project's {@code tests/}, in file order; none when there is no such folder. */
    public static ImmutableList<UnitTest> read(Project project)
    {
        Path root = project.config().root();
        Path folder = root.resolve(FOLDER);
        Problems problems = new Problems();
        if (!Files.isDirectory(folder)) {
            return ImmutableList.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yml") || file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new Problems.InvalidProjectException(ImmutableList.of(new Problem(Location.of(Path.of(FOLDER)), "cannot list the unit test files: " + e.getMessage())));
        }
        ImmutableList.Builder<UnitTest> tests = ImmutableList.builder();
        for (Path file : files) {
            Path display = root.relativize(file);
            try {
                tests.addAll(read(project, display, Files.readString(file, StandardCharsets.UTF_8), problems));
            }
            catch (IOException e) {
                problems.add(Location.of(display), "cannot read the file (is it UTF-8?): " + e.getMessage());
            }
        }
        ImmutableList<UnitTest> all = tests.build();
        checkUniqueNames(all, problems);
        problems.throwIfAny();
        return all;
    }

    /** The unit tests of one file; problems are added, not thrown. */
    public static ImmutableList<UnitTest> read(Project project, Path displayPath, String content, Problems problems)
    {
        Optional<YamlNode> node;
        try {
            node = YamlReader.read(displayPath, content);
        }
        catch (YamlException e) {
            problems.add(e.location(), e.getMessage());
            return ImmutableList.of();
        }
        if (node.isEmpty()) {
            problems.add(Location.of(displayPath), "the file is empty; add 'unit-tests:' with a list of tests, or delete it");
            return ImmutableList.of();
        }
        return new UnitTestReader(project, problems).file(node.get(), displayPath);
    }

    /**
     * Checks that the expected rows name only columns the model has ({@code columns}: name to
     * type, as the engine describes the built model) with values of their types.
     */
    public static void checkExpectedColumns(Project project, UnitTest test, Map<String, String> columns, Problems problems)
    {
        for (UnitTest.Row row : test.expected()) {
            checkRow(project, row, columns, "model " + test.model(), problems);
        }
    }

    private ImmutableList<UnitTest> file(YamlNode root, Path displayPath)
    {
        Optional<Fields> file = Fields.of(root, "a unit test file", problems);
        if (file.isEmpty()) {
            return ImmutableList.of();
        }
        file.get().rejectUnknownKeys(ImmutableSet.of(KEY));
        if (!file.get().has(KEY)) {
            if (file.get().mapping().entries().isEmpty()) {
                problems.add(Location.of(displayPath), "the file has no 'unit-tests:'; add a list of tests under it");
            }
            return ImmutableList.of();
        }
        ImmutableList.Builder<UnitTest> tests = ImmutableList.builder();
        for (Fields test : file.get().mappings(KEY, "a unit test")) {
            test(test).ifPresent(tests::add);
        }
        return tests.build();
    }

    private Optional<UnitTest> test(Fields fields)
    {
        fields.rejectUnknownKeys(TEST_KEYS);
        int before = problems.size();
        String name = fields.requiredString("name");
        String modelName = fields.requiredString("model");
        String what = name.isEmpty() ? "a unit test" : "unit test '" + name + "'";
        Optional<Model> model = Optional.empty();
        if (!modelName.isEmpty()) {
            model = Optional.ofNullable(project.models().get(modelName));
            if (model.isEmpty()) {
                problems.add(fields.locationOf("model"), "%s tests model '%s', which the project does not have%s", what, modelName,
                        Suggestions.hint(modelName, project.models().keySet()));
            }
            else if (model.get() instanceof Source) {
                problems.add(fields.locationOf("model"), "%s tests source '%s': a source holds what it is given; test a stage, hub, link, satellite or mart that reads it", what, modelName);
                model = Optional.empty();
            }
        }
        if (!fields.has("given")) {
            problems.add(fields.location(), "%s is missing 'given:', the rows of the sources or stages it reads (e.g. '- source: <name>' with 'rows:')", what);
        }
        ImmutableList.Builder<UnitTest.Given> given = ImmutableList.builder();
        Set<String> givenModels = new TreeSet<>();
        for (Fields item : fields.mappings("given", "an input of " + what)) {
            given(item, what, model).ifPresent(input -> {
                if (!givenModels.add(input.model())) {
                    problems.add(input.location(), "%s gives rows of '%s' twice; put them in one 'rows:' list", what, input.model());
                }
                given.add(input);
            });
        }
        ImmutableList<UnitTest.Row> expected = ImmutableList.of();
        if (!fields.has("expect")) {
            problems.add(fields.location(), "%s is missing 'expect:' with the 'rows:' model '%s' must hold", what, modelName);
        }
        else {
            Optional<Fields> expect = Fields.of(fields.node("expect").orElseThrow(), "'expect' of " + what, problems);
            if (expect.isPresent()) {
                expect.get().rejectUnknownKeys(EXPECT_KEYS);
                expected = rows(expect.get(), "'expect' of " + what);
                if (model.orElse(null) instanceof Stage stage) {
                    // a stage's columns are known before anything runs; the others' once built
                    Map<String, String> columns = stageColumns(stage);
                    for (UnitTest.Row row : expected) {
                        checkRow(project, row, columns, "stage " + stage.name(), problems);
                    }
                }
            }
        }
        if (problems.size() != before || model.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UnitTest(name, modelName, given.build(), expected, fields.location()));
    }

    private Optional<UnitTest.Given> given(Fields fields, String what, Optional<Model> tested)
    {
        fields.rejectUnknownKeys(GIVEN_KEYS);
        boolean isSource = fields.has("source");
        boolean isStage = fields.has("stage");
        if (isSource == isStage) {
            problems.add(fields.location(), "an input of %s names %s: write either 'source: <name>' or 'stage: <name>'", what, isSource ? "both a source and a stage" : "neither a source nor a stage");
            return Optional.empty();
        }
        String key = isSource ? "source" : "stage";
        String name = fields.requiredString(key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Model model = project.models().get(name);
        ModelKind kind = isSource ? ModelKind.SOURCE : ModelKind.STAGE;
        if (model == null || model.kind() != ModelKind.SOURCE && model.kind() != ModelKind.STAGE) {
            Set<String> candidates = new TreeSet<>();
            project.models().values().stream().filter(candidate -> candidate.kind() == kind).forEach(candidate -> candidates.add(candidate.name()));
            problems.add(fields.locationOf(key), "%s gives rows of %s '%s', which the project does not have%s; rows are given for sources and stages",
                    what, key, name, model == null ? Suggestions.hint(name, candidates) : " (it is a " + model.kind().displayName() + ")");
            return Optional.empty();
        }
        if (model.kind() != kind) {
            problems.add(fields.keyLocation(key), "%s: '%s' is a %s; write '%s: %s'", what, name, model.kind().displayName(), model.kind() == ModelKind.SOURCE ? "source" : "stage", name);
            return Optional.empty();
        }
        if (tested.isPresent() && !project.graph().ancestors(tested.get().name()).contains(name)) {
            Set<String> inputs = new TreeSet<>();
            project.graph().ancestors(tested.get().name()).stream()
                    .filter(ancestor -> project.model(ancestor).kind() == ModelKind.SOURCE || project.model(ancestor).kind() == ModelKind.STAGE)
                    .forEach(inputs::add);
            problems.add(fields.locationOf(key), "%s gives rows of '%s', which model '%s' does not read; give rows of what it reads: %s", what, name, tested.get().name(), String.join(", ", inputs));
            return Optional.empty();
        }
        if (!fields.has("rows")) {
            problems.add(fields.location(), "the input '%s' of %s is missing 'rows:' (write 'rows: []' for none)", name, what);
        }
        ImmutableList<UnitTest.Row> rows = rows(fields, "the rows of '" + name + "' in " + what);
        Map<String, String> columns = model instanceof Stage stage ? stageColumns(stage) : sourceColumns((Source) model);
        for (UnitTest.Row row : rows) {
            checkRow(project, row, columns, key + " " + name, problems);
        }
        return Optional.of(new UnitTest.Given(name, kind, rows, fields.location()));
    }

    private ImmutableList<UnitTest.Row> rows(Fields fields, String what)
    {
        Optional<YamlNode> node = fields.node("rows");
        if (node.isEmpty()) {
            return ImmutableList.of();
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            problems.add(node.get().location(), "'rows' of %s must be a list of rows like '- {column: value, ...}', found %s", what, node.get().kind());
            return ImmutableList.of();
        }
        ImmutableList.Builder<UnitTest.Row> rows = ImmutableList.builder();
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                problems.add(item.location(), "a row of %s must be a mapping like {column: value, ...}, found %s", what, item.kind());
                continue;
            }
            ImmutableMap.Builder<String, UnitTest.Cell> cells = ImmutableMap.builder();
            for (YamlNode.Entry entry : mapping.entries().values()) {
                if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
                    problems.add(entry.value().location(), "the value of '%s' in a row of %s must be a single value, found %s", entry.key(), what, entry.value().kind());
                    continue;
                }
                cells.put(entry.key(), new UnitTest.Cell(scalar.text(), evaluate(scalar), entry.keyLocation(), scalar.location()));
            }
            rows.add(new UnitTest.Row(cells.buildOrThrow(), mapping.location()));
        }
        return rows.build();
    }

    /** The value a cell compares as: a helper evaluated, null as empty, anything else as written. */
    private Optional<String> evaluate(YamlNode.Scalar scalar)
    {
        if (scalar.isNull()) {
            return Optional.empty();
        }
        Matcher helper = HELPER.matcher(scalar.text().strip());
        if (!helper.matches()) {
            return Optional.of(scalar.text());
        }
        String arguments = helper.group(2).strip();
        List<String> parts = new ArrayList<>();
        if (!arguments.isEmpty()) {
            for (String part : arguments.split(",", -1)) {
                parts.add(part.strip().equals("null") ? null : part.strip());
            }
        }
        return switch (helper.group(1)) {
            case "zero_key" -> {
                if (!parts.isEmpty()) {
                    problems.add(scalar.location(), "zero_key() takes no arguments, found '%s'", scalar.text());
                }
                yield Optional.of(hashing.zeroKey());
            }
            case "hash" -> {
                if (parts.isEmpty()) {
                    problems.add(scalar.location(), "hash() needs the business keys to hash, e.g. hash(PRD-0001) or hash(a, b); zero_key() is the key of none");
                    yield Optional.of(scalar.text());
                }
                yield Optional.of(hashing.hashKey(parts));
            }
            case "identity_record" -> {
                if (parts.size() < 2 || parts.getFirst() == null) {
                    problems.add(scalar.location(), "identity_record() needs the record source and the record key, e.g. identity_record(activecampaign, C-1), found '%s'", scalar.text());
                    yield Optional.of(scalar.text());
                }
                yield Optional.of(hashing.identityRecord(parts.getFirst(), parts.subList(1, parts.size())));
            }
            case "hashdiff" -> {
                Map<String, String> payload = new HashMap<>();
                for (String part : arguments.isEmpty() ? List.<String>of() : List.of(arguments.split(",", -1))) {
                    Matcher pair = PAIR.matcher(part);
                    if (!pair.matches()) {
                        problems.add(scalar.location(), "hashdiff() takes column=value pairs, e.g. hashdiff(nome=Maria, telefone=null), found '%s'", part.strip());
                        continue;
                    }
                    String value = pair.group(2).strip();
                    payload.put(pair.group(1), value.equals("null") ? null : value);
                }
                yield Optional.of(hashing.hashdiff(payload));
            }
            default -> throw new IllegalStateException("helper pattern and switch disagree: " + helper.group(1));
        };
    }

    private static void checkRow(Project project, UnitTest.Row row, Map<String, String> columns, String what, Problems problems)
    {
        for (Map.Entry<String, UnitTest.Cell> cell : row.cells().entrySet()) {
            String type = columns.get(cell.getKey());
            if (type == null) {
                problems.add(cell.getValue().columnLocation(), "%s has no column '%s'%s", what, cell.getKey(), Suggestions.hint(cell.getKey(), columns.keySet()));
                continue;
            }
            Optional<String> value = cell.getValue().value();
            if (value.isEmpty() || HELPER.matcher(String.valueOf(cell.getValue().written()).strip()).matches()) {
                continue;
            }
            TypeFamily family = project.dialect().typeFamily(project.dialect().normalizeType(type));
            SeedReader.invalidValue(cell.getKey(), type, family, value.get())
                    .ifPresent(message -> problems.add(cell.getValue().location(), "%s in %s; fix the fixture value", message, what));
        }
    }

    private static Map<String, String> sourceColumns(Source source)
    {
        Map<String, String> columns = new LinkedHashMap<>();
        source.columns().forEach(column -> columns.put(column.name(), column.type()));
        return columns;
    }

    /** A stage's columns, with the identity keys and typed parts an identity stage adds. */
    private Map<String, String> stageColumns(Stage stage)
    {
        Map<String, String> columns = new LinkedHashMap<>(project.stagedColumns(stage));
        if (stage.identity().isPresent()) {
            for (IdentityKey key : project.config().identity().keys()) {
                columns.putIfAbsent(StageIdentity.KEY_PREFIX + key.name(), project.dialect().hashType());
                key.typedParts().forEach(part -> columns.putIfAbsent(StageIdentity.partColumn(part), project.dialect().textType()));
            }
        }
        return columns;
    }

    private static void checkUniqueNames(List<UnitTest> tests, Problems problems)
    {
        Map<String, UnitTest> seen = new HashMap<>();
        for (UnitTest test : tests) {
            UnitTest previous = seen.putIfAbsent(test.name(), test);
            if (previous != null) {
                problems.add(test.location(), "a unit test named '%s' is already defined at %s; unit test names must be unique", test.name(), previous.location());
            }
        }
    }
}
