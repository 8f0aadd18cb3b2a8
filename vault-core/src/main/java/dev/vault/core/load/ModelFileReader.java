package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.maintenance.Durations;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.Column;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Freshness;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.TableLayout;
import dev.vault.core.project.LoadingSettings;
import dev.vault.core.yaml.YamlNode;
import dev.vault.core.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads the models of one YAML file. A file has one or more of the top-level keys
 * {@code sources}, {@code stages}, {@code hubs}, {@code links}, {@code satellites}, {@code marts},
 * each a list of models. Only the shape of each model is checked here; references between
 * models are checked by {@link ModelValidator} once every file is read.
 */
final class ModelFileReader
{
    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);

    private static final ImmutableSet<String> SOURCE_KEYS = ImmutableSet.of("tags", "name", "description", "schema", "table", "record-source", "load-timestamp", "columns", "freshness", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> RECORD_SOURCE_KEYS = ImmutableSet.of("column", "sql");
    private static final ImmutableSet<String> FRESHNESS_KEYS = ImmutableSet.of("warn-after", "error-after", "loaded-at-field");
    private static final ImmutableSet<String> COLUMN_KEYS = ImmutableSet.of("name", "type", "description", DataTestReader.KEY);
    private static final ImmutableSet<String> STAGE_KEYS = ImmutableSet.of("tags", "name", "description", "source", "record-source", "derived-columns", "hash-keys", "hashdiffs", "identity", DataTestReader.KEY);
    private static final ImmutableSet<String> STAGE_IDENTITY_KEYS = ImmutableSet.of("record-key", "name", "email", "phone");
    private static final ImmutableSet<String> DERIVED_KEYS = ImmutableSet.of("sql", "type");
    private static final ImmutableSet<String> HUB_KEYS = ImmutableSet.of("tags", "name", "description", "hash-key", "business-keys", "sources", "buckets", "identity", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> LINK_KEYS = ImmutableSet.of("tags", "name", "description", "hash-key", "hubs", "sources", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> FOREIGN_KEY_KEYS = ImmutableSet.of("hub", "column");
    private static final ImmutableSet<String> NON_HISTORIZED_LINK_KEYS = ImmutableSet.of("tags", "name", "description", "hash-key", "hubs", "payload", "sources", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> SATELLITE_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "hashdiff", "payload", "sources", "buckets", "views", "loading", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> MULTI_ACTIVE_SATELLITE_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "multi-active-keys", "hashdiff", "payload", "sources", "buckets", "loading", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> EFFECTIVITY_SATELLITE_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "driving-keys", "sources", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> RECORD_TRACKING_SATELLITE_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "sources", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> REFERENCE_TABLE_KEYS = ImmutableSet.of("tags", "name", "description", "keys", "payload", "sources", "loading", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> MODEL_LOADING_KEYS = ImmutableSet.of("conflicts");
    private static final ImmutableSet<String> MART_KEYS = ImmutableSet.of("tags", "name", "description", "materialized", "sql", "sql-file", "columns", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> SNAPSHOT_CONTROL_KEYS = ImmutableSet.of("tags", "name", "description", "start-date", "end-date", "time", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> PIT_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "satellites", "snapshots", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> BRIDGE_KEYS = ImmutableSet.of("tags", "name", "description", "hub", "path", "snapshots", "buckets", "maintenance", DataTestReader.KEY);

    private final Path projectRoot;
    private final Problems problems;
    private final LocationIndex index;
    private final ImmutableSetMultimap.Builder<String, String> tags;
    private final SqlDialect dialect;
    private final DataTestReader dataTests;
    private final Map<String, YamlNode> maintenance = new LinkedHashMap<>();
    private String model = "";
    private List<String> lines = List.of();

    ModelFileReader(Path projectRoot, Problems problems, LocationIndex index, ImmutableSetMultimap.Builder<String, String> tags, SqlDialect dialect)
    {
        this.projectRoot = requireNonNull(projectRoot, "projectRoot is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.index = requireNonNull(index, "index is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.dataTests = new DataTestReader(problems, dialect);
    }

    /** The data tests of every model read so far, by model name; checked against the models by {@link DataTestValidator}. */
    ImmutableListMultimap<String, DeclaredTest> dataTests()
    {
        return dataTests.tests();
    }

    /** @param lines the file's text, to tell a block scalar ('sql: |') from a one-line value */
    ImmutableList<Model> read(YamlNode root, List<String> lines)
    {
        this.lines = lines;
        Optional<Fields> file = Fields.of(root, "a model file", problems);
        if (file.isEmpty()) {
            return ImmutableList.of();
        }
        ImmutableSet<String> kinds = Arrays.stream(ModelKind.values()).map(ModelKind::fileKey).collect(ImmutableSet.toImmutableSet());
        file.get().rejectUnknownKeys(kinds);
        ImmutableList.Builder<Model> models = ImmutableList.builder();
        read(file.get(), ModelKind.SOURCE, this::source, models);
        read(file.get(), ModelKind.STAGE, this::stage, models);
        read(file.get(), ModelKind.REFERENCE_TABLE, this::referenceTable, models);
        read(file.get(), ModelKind.HUB, this::hub, models);
        read(file.get(), ModelKind.LINK, fields -> link(fields, ModelKind.LINK), models);
        read(file.get(), ModelKind.NON_HISTORIZED_LINK, fields -> link(fields, ModelKind.NON_HISTORIZED_LINK), models);
        read(file.get(), ModelKind.SATELLITE, fields -> satellite(fields, ModelKind.SATELLITE), models);
        read(file.get(), ModelKind.MULTI_ACTIVE_SATELLITE, fields -> satellite(fields, ModelKind.MULTI_ACTIVE_SATELLITE), models);
        read(file.get(), ModelKind.EFFECTIVITY_SATELLITE, fields -> satellite(fields, ModelKind.EFFECTIVITY_SATELLITE), models);
        read(file.get(), ModelKind.RECORD_TRACKING_SATELLITE, fields -> satellite(fields, ModelKind.RECORD_TRACKING_SATELLITE), models);
        read(file.get(), ModelKind.MART, this::mart, models);
        read(file.get(), ModelKind.SNAPSHOT_CONTROL, this::snapshotControl, models);
        read(file.get(), ModelKind.PIT, this::pit, models);
        read(file.get(), ModelKind.BRIDGE, this::bridge, models);
        return models.build();
    }

    private void read(Fields file, ModelKind kind, Function<Fields, Model> reader, ImmutableList.Builder<Model> models)
    {
        for (Fields fields : file.mappings(kind.fileKey(), "a " + kind.displayName())) {
            Optional<String> name = fields.string("name");
            if (name.isEmpty()) {
                problems.add(fields.location(), "this %s has no 'name:'", kind.displayName());
                continue;
            }
            Identifiers.check(name.get(), kind.displayName() + " name").ifPresent(message -> problems.add(fields.locationOf("name"), message));
            model = name.get();
            Fields modelFields = new Fields(fields.mapping(), kind.displayName() + " '" + name.get() + "'", problems);
            for (Fields.Located<String> tag : modelFields.stringList("tags")) {
                Identifiers.check(tag.value(), "tag").ifPresentOrElse(message -> problems.add(tag.location(), message), () -> tags.put(model, tag.value()));
            }
            modelFields.node("maintenance").ifPresent(node -> maintenance.put(model, node));
            models.add(reader.apply(modelFields));
            dataTests.read(model, kind, modelFields);
        }
    }

    /** The {@code maintenance:} block of each model that has one, read later over vault.yml's. */
    Map<String, YamlNode> maintenanceBlocks()
    {
        return Collections.unmodifiableMap(maintenance);
    }

    private Source source(Fields fields)
    {
        fields.rejectUnknownKeys(SOURCE_KEYS);
        String name = fields.string("name", "");
        Optional<String> schema = fields.string("schema");
        schema.ifPresent(value -> checkName(value, "schema", fields.locationOf("schema")));
        String table = fields.string("table", name);
        checkName(table, "table", fields.locationOf("table"));
        String loadTimestamp = single(fields, "load-timestamp", fields.requiredString("load-timestamp"));
        ImmutableList.Builder<Column> columns = ImmutableList.builder();
        for (Fields column : fields.mappings("columns", "a column of " + fields.what())) {
            column.rejectUnknownKeys(COLUMN_KEYS);
            String columnName = column.requiredString("name");
            checkName(columnName, "column", column.locationOf("name"));
            columns.add(new Column(columnName, type(column, column.requiredString("type")), column.string("description", ""), column.locationOf("name")));
        }
        if (!fields.has("columns")) {
            problems.add(fields.location(), "%s is missing 'columns:' (a list of '- name: ..., type: ...')", fields.what());
        }
        ImmutableList<Column> sourceColumns = columns.build();
        Optional<Freshness> freshness = fields.node("freshness")
                .flatMap(node -> Fields.of(node, "'freshness' of " + fields.what(), problems))
                .flatMap(block -> freshness(block, sourceColumns));
        return new Source(name, fields.string("description", ""), schema, table, recordSource(fields), loadTimestamp, sourceColumns, freshness, fields.keyLocation("name"));
    }

    private Optional<Freshness> freshness(Fields fields, ImmutableList<Column> columns)
    {
        fields.rejectUnknownKeys(FRESHNESS_KEYS);
        Optional<Duration> warnAfter = freshnessDuration(fields, "warn-after");
        Optional<Duration> errorAfter = freshnessDuration(fields, "error-after");
        Optional<String> loadedAtField = fields.string("loaded-at-field");
        if (loadedAtField.isPresent()) {
            Optional<Column> column = columns.stream().filter(candidate -> candidate.name().equals(loadedAtField.get())).findFirst();
            if (column.isEmpty()) {
                problems.add(fields.locationOf("loaded-at-field"), "'loaded-at-field' of %s names '%s', which is not one of its columns%s",
                        fields.what(), loadedAtField.get(), Suggestions.hint(loadedAtField.get(), columns.stream().map(Column::name).toList()));
            }
            else if (!dialect.typeFamily(column.get().type()).isTimestamp() && dialect.typeFamily(column.get().type()) != TypeFamily.DATE) {
                problems.add(fields.locationOf("loaded-at-field"), "'loaded-at-field' of %s must be a timestamp or date column; '%s' is %s",
                        fields.what(), loadedAtField.get(), column.get().type());
            }
        }
        if (!fields.has("warn-after") && !fields.has("error-after")) {
            problems.add(fields.location(), "%s needs 'warn-after:', 'error-after:' or both, e.g. {warn-after: 6h, error-after: 1d}", fields.what());
            return Optional.empty();
        }
        if (warnAfter.isPresent() && errorAfter.isPresent() && warnAfter.get().compareTo(errorAfter.get()) > 0) {
            problems.add(fields.locationOf("warn-after"), "'warn-after' of %s (%s) is longer than its 'error-after' (%s): a source would fail before it warns",
                    fields.what(), Durations.format(warnAfter.get()), Durations.format(errorAfter.get()));
        }
        if (warnAfter.isEmpty() && errorAfter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Freshness(warnAfter, errorAfter, loadedAtField));
    }

    private Optional<Duration> freshnessDuration(Fields fields, String key)
    {
        Optional<String> text = fields.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = Durations.parse(text.get()).filter(value -> !value.isZero());
        if (duration.isEmpty()) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a whole number above 0 and a unit (m, h, d) with no space, e.g. 6h or 1d; found '%s'",
                    key, fields.what(), text.get());
        }
        return duration;
    }

    /**
     * {@code record-source: crm}, or {@code {column: source}} or {@code {sql: ...}} for a value per
     * row: a source's, or a stage's own over its source's.
     */
    private RecordSource recordSource(Fields fields)
    {
        if (!(fields.node("record-source").orElse(null) instanceof YamlNode.Mapping mapping)) {
            return new RecordSource.Fixed(fields.requiredString("record-source"));
        }
        Fields recordSource = new Fields(mapping, "'record-source' of " + fields.what(), problems);
        recordSource.rejectUnknownKeys(RECORD_SOURCE_KEYS);
        if (recordSource.has("column") == recordSource.has("sql")) {
            problems.add(mapping.location(), "'record-source' of %s needs exactly one of 'column:' (the column naming each row's system) or 'sql:' (an expression over its columns), or is one name for every row, like 'record-source: crm'",
                    fields.what());
            return new RecordSource.Fixed("");
        }
        if (recordSource.has("column")) {
            String column = recordSource.requiredString("column");
            checkName(column, "column", recordSource.locationOf("column"));
            index.put(model, "record-source", column, recordSource.locationOf("column"));
            return new RecordSource.FromColumn(column);
        }
        return new RecordSource.FromSql(recordSource.requiredString("sql"), recordSource.locationOf("sql"));
    }

    private Stage stage(Fields fields)
    {
        fields.rejectUnknownKeys(STAGE_KEYS);
        ImmutableList.Builder<DerivedColumn> derived = ImmutableList.builder();
        fields.node("derived-columns").flatMap(node -> Fields.of(node, "'derived-columns' of " + fields.what(), problems)).ifPresent(entries -> {
            for (YamlNode.Entry entry : entries.mapping().entries().values()) {
                checkName(entry.key(), "derived column", entry.keyLocation());
                if (entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                    index.put(model, "derived-columns", entry.key(), scalar.location());
                    derived.add(new DerivedColumn(entry.key(), scalar.text(), dialect.textType(), entry.keyLocation()));
                }
                else {
                    Fields.of(entry.value(), "derived column '" + entry.key() + "'", problems).ifPresent(column -> {
                        column.rejectUnknownKeys(DERIVED_KEYS);
                        String type = type(column, column.string("type", dialect.textType()));
                        index.put(model, "derived-columns", entry.key(), column.locationOf("sql"));
                        derived.add(new DerivedColumn(entry.key(), column.requiredString("sql"), type, entry.keyLocation()));
                    });
                }
            }
        });
        Optional<StageIdentity> identity = fields.node("identity")
                .flatMap(node -> Fields.of(node, "'identity' of " + fields.what(), problems))
                .map(block -> {
                    block.rejectUnknownKeys(STAGE_IDENTITY_KEYS);
                    ImmutableList<String> recordKey = values("identity/record-key", block.requiredStringList("record-key"));
                    Optional<String> name = block.string("name").map(column -> single(block, "identity/name", "name", column));
                    Optional<String> email = block.string("email").map(column -> single(block, "identity/email", "email", column));
                    Optional<String> phone = block.string("phone").map(column -> single(block, "identity/phone", "phone", column));
                    if (name.isEmpty() && email.isEmpty() && phone.isEmpty()) {
                        problems.add(block.location(), "'identity' of %s names none of 'name:', 'email:' or 'phone:'; name the columns that hold them", fields.what());
                    }
                    return new StageIdentity(recordKey, name, email, phone, block.location());
                });
        return new Stage(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "source", fields.requiredString("source")),
                fields.has("record-source") ? Optional.of(recordSource(fields)) : Optional.empty(),
                derived.build(),
                hashedColumns(fields, "hash-keys", HashedColumn.Kind.HASH_KEY),
                hashedColumns(fields, "hashdiffs", HashedColumn.Kind.HASHDIFF),
                identity,
                fields.keyLocation("name"));
    }

    private ImmutableList<HashedColumn> hashedColumns(Fields fields, String key, HashedColumn.Kind kind)
    {
        ImmutableList.Builder<HashedColumn> columns = ImmutableList.builder();
        fields.node(key).flatMap(node -> Fields.of(node, "'" + key + "' of " + fields.what(), problems)).ifPresent(entries -> {
            for (YamlNode.Entry entry : entries.mapping().entries().values()) {
                checkName(entry.key(), "hashed column", entry.keyLocation());
                Fields holder = new Fields(entries.mapping(), "'" + key + "' of " + fields.what(), problems);
                ImmutableList<String> parts = values(key + "/" + entry.key(), holder.requiredStringList(entry.key()));
                columns.add(new HashedColumn(entry.key(), kind, parts, entry.keyLocation()));
            }
        });
        return columns.build();
    }

    private Hub hub(Fields fields)
    {
        fields.rejectUnknownKeys(HUB_KEYS);
        boolean identity = fields.bool("identity", false);
        ImmutableList<String> businessKeys;
        if (identity) {
            if (fields.has("business-keys")) {
                problems.add(fields.locationOf("business-keys"), "%s is an identity hub: its persons come from the stages' identity keys; remove 'business-keys:'", fields.what());
            }
            businessKeys = ImmutableList.of(Hub.FOUNDING_RECORD);
        }
        else {
            businessKeys = values("business-keys", fields.requiredStringList("business-keys"));
        }
        return new Hub(
                fields.string("name", ""),
                fields.string("description", ""),
                column(fields, "hash-key"),
                businessKeys,
                values("sources", fields.requiredStringList("sources")),
                layout(fields),
                identity,
                fields.keyLocation("name"));
    }

    private Link link(Fields fields, ModelKind kind)
    {
        fields.rejectUnknownKeys(kind == ModelKind.LINK ? LINK_KEYS : NON_HISTORIZED_LINK_KEYS);
        ImmutableList.Builder<ForeignKey> foreignKeys = ImmutableList.builder();
        Optional<YamlNode> hubs = fields.node("hubs");
        if (hubs.isEmpty()) {
            problems.add(fields.location(), "%s is missing 'hubs:' (the hubs it links, e.g. [hub_a, hub_b])", fields.what());
        }
        else if (hubs.get() instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                    // the column defaults to the hub's hash key name, filled in by the validator
                    index.put(model, "hubs", scalar.text(), scalar.location());
                    foreignKeys.add(new ForeignKey(scalar.text(), "", scalar.location()));
                }
                else {
                    Fields.of(item, "a hub of " + fields.what(), problems).ifPresent(foreignKey -> {
                        foreignKey.rejectUnknownKeys(FOREIGN_KEY_KEYS);
                        String column = foreignKey.string("column", "");
                        if (!column.isEmpty()) {
                            checkName(column, "column", foreignKey.locationOf("column"));
                        }
                        String hub = foreignKey.requiredString("hub");
                        index.put(model, "hubs", hub, foreignKey.locationOf("hub"));
                        foreignKeys.add(new ForeignKey(hub, column, foreignKey.locationOf("hub")));
                    });
                }
            }
        }
        else {
            problems.add(hubs.get().location(), "'hubs' of %s must be a list like [hub_a, hub_b]", fields.what());
        }
        ImmutableList<String> payload = values("payload", kind == ModelKind.LINK ? ImmutableList.of() : fields.requiredStringList("payload"));
        return new Link(
                fields.string("name", ""),
                fields.string("description", ""),
                kind,
                column(fields, "hash-key"),
                foreignKeys.build(),
                payload,
                values("sources", fields.requiredStringList("sources")),
                layout(fields),
                fields.keyLocation("name"));
    }

    private Satellite satellite(Fields fields, ModelKind kind)
    {
        fields.rejectUnknownKeys(switch (kind) {
            case MULTI_ACTIVE_SATELLITE -> MULTI_ACTIVE_SATELLITE_KEYS;
            case EFFECTIVITY_SATELLITE -> EFFECTIVITY_SATELLITE_KEYS;
            case RECORD_TRACKING_SATELLITE -> RECORD_TRACKING_SATELLITE_KEYS;
            default -> SATELLITE_KEYS;
        });
        boolean payload = kind == ModelKind.SATELLITE || kind == ModelKind.MULTI_ACTIVE_SATELLITE;
        ImmutableList<String> multiActiveKeys = ImmutableList.of();
        if (kind == ModelKind.MULTI_ACTIVE_SATELLITE) {
            multiActiveKeys = values("multi-active-keys", fields.requiredStringList("multi-active-keys"));
            multiActiveKeys.forEach(key -> checkName(key, "column", fields.locationOf("multi-active-keys")));
        }
        ImmutableList<String> drivingKeys = ImmutableList.of();
        if (kind == ModelKind.EFFECTIVITY_SATELLITE) {
            drivingKeys = values("driving-keys", fields.requiredStringList("driving-keys"));
        }
        return new Satellite(
                fields.string("name", ""),
                fields.string("description", ""),
                kind,
                single(fields, "parent", fields.requiredString("parent")),
                payload ? column(fields, "hashdiff") : "",
                payload ? values("payload", fields.stringList("payload")) : ImmutableList.of(),
                ImmutableList.of(),
                multiActiveKeys,
                drivingKeys,
                values("sources", fields.requiredStringList("sources")),
                fields.bool("views", false),
                layout(fields),
                payload ? conflicts(fields) : Optional.empty(),
                fields.keyLocation("name"));
    }

    private ReferenceTable referenceTable(Fields fields)
    {
        fields.rejectUnknownKeys(REFERENCE_TABLE_KEYS);
        ImmutableList<String> keys = values("keys", fields.requiredStringList("keys"));
        keys.forEach(key -> checkName(key, "column", fields.locationOf("keys")));
        return new ReferenceTable(
                fields.string("name", ""),
                fields.string("description", ""),
                keys,
                values("payload", fields.requiredStringList("payload")),
                values("sources", fields.requiredStringList("sources")),
                conflicts(fields),
                fields.keyLocation("name"));
    }

    /** A model's own {@code loading: conflicts:}, over the project's (satellites with a payload and reference tables). */
    private Optional<LoadingSettings.Conflicts> conflicts(Fields fields)
    {
        return fields.node("loading")
                .flatMap(node -> Fields.of(node, "'loading' of " + fields.what(), problems))
                .flatMap(loading -> {
                    loading.rejectUnknownKeys(MODEL_LOADING_KEYS);
                    return loading.has("conflicts") ? Optional.of(loading.enumValue("conflicts", LoadingSettings.Conflicts.class, LoadingSettings.Conflicts.SET_ASIDE)) : Optional.empty();
                });
    }

    private Mart mart(Fields fields)
    {
        fields.rejectUnknownKeys(MART_KEYS);
        String sql = "";
        Location sqlLocation = fields.location();
        if (fields.has("sql") == fields.has("sql-file")) {
            problems.add(fields.location(), "%s needs exactly one of 'sql:' (the query, inline) or 'sql-file:' (a .sql file next to this one)", fields.what());
        }
        else if (fields.has("sql")) {
            sql = fields.string("sql", "");
            // a block scalar ('sql: |' or 'sql: >') starts on the line after its indicator
            Location value = fields.locationOf("sql");
            boolean block = value.line() >= 1 && value.line() <= lines.size()
                    && lines.get(value.line() - 1).substring(Math.min(value.column() - 1, lines.get(value.line() - 1).length())).matches("\\s*[|>].*");
            sqlLocation = new Location(value.file(), value.line() + (block ? 1 : 0), 1);
        }
        else {
            String file = fields.string("sql-file", "");
            Path path = projectRoot.resolve(fields.location().file()).resolveSibling(file).normalize();
            try {
                Path modelFolder = projectRoot.resolve(fields.location().file()).getParent().normalize();
                if (!path.startsWith(projectRoot) && !path.startsWith(modelFolder)) {
                    // a project reads only its own files (or those next to a model file kept elsewhere): no '../..' or absolute path to anything else on the machine
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s is outside the project folder; keep mart SQL files under the project", file, fields.what());
                }
                else if (!Files.isRegularFile(path)) {
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s does not exist (looked for %s); create it or fix 'sql-file:'",
                            file, fields.what(), projectRoot.relativize(path));
                }
                else if (Files.size(path) > YamlReader.MAX_FILE_BYTES) {
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s is %s MB; mart SQL files are limited to %s MB",
                            file, fields.what(), Files.size(path) / (1024 * 1024), YamlReader.MAX_FILE_BYTES / (1024 * 1024));
                }
                else {
                    sql = Files.readString(path, StandardCharsets.UTF_8);
                    sqlLocation = new Location(projectRoot.relativize(path), 1, 1);
                }
            }
            catch (IOException e) {
                problems.add(fields.locationOf("sql-file"), "cannot read the SQL file '%s' of %s: %s", file, fields.what(), e.getMessage());
            }
        }
        ImmutableSet.Builder<String> refs = ImmutableSet.builder();
        Matcher ref = Mart.REF.matcher(sql);
        while (ref.find()) {
            refs.add(ref.group(1));
            int line = sqlLocation.line() + (int) sql.substring(0, ref.start()).chars().filter(c -> c == '\n').count();
            index.put(model, "ref", ref.group(1), new Location(sqlLocation.file(), line, 1));
        }
        Matcher other = TEMPLATE_EXPRESSION.matcher(Mart.REF.matcher(sql).replaceAll(""));
        if (other.find()) {
            problems.add(sqlLocation, "%s uses '%s'; only {{ ref('model_name') }} is supported inside mart SQL", fields.what(), other.group());
        }
        if (sql.isBlank() && problems.isEmpty()) {
            problems.add(sqlLocation, "%s has no SQL", fields.what());
        }
        return new Mart(
                fields.string("name", ""),
                fields.string("description", ""),
                fields.enumValue("materialized", Mart.Materialization.class, Mart.Materialization.TABLE),
                sql,
                sqlLocation,
                refs.build(),
                fields.keyLocation("name"));
    }

    private SnapshotControl snapshotControl(Fields fields)
    {
        fields.rejectUnknownKeys(SNAPSHOT_CONTROL_KEYS);
        String startText = fields.requiredString("start-date");
        LocalDate start = startText.isEmpty() ? LocalDate.EPOCH : date(fields, "start-date", startText).orElse(LocalDate.EPOCH);
        Optional<LocalDate> end = fields.string("end-date").flatMap(text -> date(fields, "end-date", text));
        if (end.isPresent() && end.get().isBefore(start)) {
            problems.add(fields.locationOf("end-date"), "'end-date' %s of %s is before its 'start-date' %s", end.get(), fields.what(), start);
        }
        LocalTime time = LocalTime.MIDNIGHT;
        Optional<String> text = fields.string("time");
        if (text.isPresent()) {
            try {
                time = LocalTime.parse(text.get());
            }
            catch (DateTimeParseException e) {
                problems.add(fields.locationOf("time"), "'time' of %s must be a time of day in UTC like '00:00:00' or '07:30', not '%s'", fields.what(), text.get());
            }
        }
        return new SnapshotControl(fields.string("name", ""), fields.string("description", ""), start, end, time, fields.keyLocation("name"));
    }

    private Optional<LocalDate> date(Fields fields, String key, String text)
    {
        try {
            return Optional.of(LocalDate.parse(text));
        }
        catch (DateTimeParseException e) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a date like 2026-01-01, not '%s'", key, fields.what(), text);
            return Optional.empty();
        }
    }

    private Pit pit(Fields fields)
    {
        fields.rejectUnknownKeys(PIT_KEYS);
        return new Pit(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "parent", fields.requiredString("parent")),
                values("satellites", fields.requiredStringList("satellites")),
                single(fields, "snapshots", fields.requiredString("snapshots")),
                layout(fields),
                fields.keyLocation("name"));
    }

    private Bridge bridge(Fields fields)
    {
        fields.rejectUnknownKeys(BRIDGE_KEYS);
        return new Bridge(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "hub", fields.requiredString("hub")),
                values("path", fields.requiredStringList("path")),
                single(fields, "snapshots", fields.requiredString("snapshots")),
                layout(fields),
                fields.keyLocation("name"));
    }

    private String column(Fields fields, String key)
    {
        String value = fields.requiredString(key);
        checkName(value, "column", fields.locationOf(key));
        return single(fields, key, value);
    }

    private TableLayout layout(Fields fields)
    {
        return new TableLayout(fields.integer("buckets", TableLayout.DEFAULT_BUCKETS, 1, 4096));
    }

    private String type(Fields fields, String type)
    {
        String normalized = dialect.normalizeType(type);
        if (!type.isEmpty() && !dialect.isStorableType(normalized)) {
            problems.add(fields.locationOf("type"), "'%s' is not a column type vault stores in Iceberg; %s", type, dialect.storableTypesHint());
            return dialect.textType();
        }
        return normalized;
    }

    private void checkName(String name, String what, Location location)
    {
        if (!name.isEmpty()) {
            Identifiers.check(name, what).ifPresent(message -> problems.add(location, message));
        }
    }

    private ImmutableList<String> values(String field, ImmutableList<Fields.Located<String>> located)
    {
        located.forEach(value -> index.put(model, field, value.value(), value.location()));
        return located.stream().map(Fields.Located::value).collect(ImmutableList.toImmutableList());
    }

    private String single(Fields fields, String key, String value)
    {
        return single(fields, key, key, value);
    }

    private String single(Fields fields, String field, String key, String value)
    {
        index.put(model, field, value, fields.locationOf(key));
        return value;
    }
}
