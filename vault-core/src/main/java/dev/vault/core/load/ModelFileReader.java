package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Link;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.project.LoadingSettings;
import dev.vault.core.yaml.YamlNode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Reads the models of one YAML file. A file has one or more of the top-level keys
 * {@code sources}, {@code stages}, {@code hubs}, {@code links}, {@code satellites}, {@code marts},
 * each a list of models. Only the shape of each model is checked here; references between
 * models are checked by {@link ModelValidator} once every file is read.
 */
final class ModelFileReader
        extends ModelFieldsReader
{
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

    private final ImmutableSetMultimap.Builder<String, String> tags;
    private final DataTestReader dataTests;
    private final Map<String, YamlNode> maintenance = new LinkedHashMap<>();
    private final SourceReader sources;
    private final StageReader stages;
    private final QueryTableReader queryTables;

    ModelFileReader(Path projectRoot, Problems problems, LocationIndex index, ImmutableSetMultimap.Builder<String, String> tags, SqlDialect dialect)
    {
        super(projectRoot, problems, index, dialect);
        this.tags = requireNonNull(tags, "tags is null");
        this.dataTests = new DataTestReader(problems, dialect);
        this.sources = new SourceReader(this);
        this.stages = new StageReader(this);
        this.queryTables = new QueryTableReader(this);
    }

    /** The data tests of every model read so far, by model name; checked against the models by {@link DataTestValidator}. */
    ImmutableListMultimap<String, DeclaredTest> dataTests()
    {
        return dataTests.tests();
    }

    /** @param lines the file's text, to tell a block scalar ('sql: |') from a one-line value */
    ImmutableList<Model> read(YamlNode root, List<String> lines)
    {
        position.lines = lines;
        Optional<Fields> file = Fields.of(root, "a model file", problems);
        if (file.isEmpty()) {
            return ImmutableList.of();
        }
        ImmutableSet<String> kinds = Arrays.stream(ModelKind.values()).map(ModelKind::fileKey).collect(ImmutableSet.toImmutableSet());
        file.get().rejectUnknownKeys(kinds);
        ImmutableList.Builder<Model> models = ImmutableList.builder();
        read(file.get(), ModelKind.SOURCE, sources::source, models);
        read(file.get(), ModelKind.STAGE, stages::stage, models);
        read(file.get(), ModelKind.REFERENCE_TABLE, this::referenceTable, models);
        read(file.get(), ModelKind.HUB, this::hub, models);
        read(file.get(), ModelKind.LINK, fields -> link(fields, ModelKind.LINK), models);
        read(file.get(), ModelKind.NON_HISTORIZED_LINK, fields -> link(fields, ModelKind.NON_HISTORIZED_LINK), models);
        read(file.get(), ModelKind.SATELLITE, fields -> satellite(fields, ModelKind.SATELLITE), models);
        read(file.get(), ModelKind.MULTI_ACTIVE_SATELLITE, fields -> satellite(fields, ModelKind.MULTI_ACTIVE_SATELLITE), models);
        read(file.get(), ModelKind.EFFECTIVITY_SATELLITE, fields -> satellite(fields, ModelKind.EFFECTIVITY_SATELLITE), models);
        read(file.get(), ModelKind.RECORD_TRACKING_SATELLITE, fields -> satellite(fields, ModelKind.RECORD_TRACKING_SATELLITE), models);
        read(file.get(), ModelKind.MART, queryTables::mart, models);
        read(file.get(), ModelKind.SNAPSHOT_CONTROL, queryTables::snapshotControl, models);
        read(file.get(), ModelKind.PIT, queryTables::pit, models);
        read(file.get(), ModelKind.BRIDGE, queryTables::bridge, models);
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
            position.model = name.get();
            Fields modelFields = new Fields(fields.mapping(), kind.displayName() + " '" + name.get() + "'", problems);
            for (Fields.Located<String> tag : modelFields.stringList("tags")) {
                Identifiers.check(tag.value(), "tag").ifPresentOrElse(message -> problems.add(tag.location(), message), () -> tags.put(position.model, tag.value()));
            }
            modelFields.node("maintenance").ifPresent(node -> maintenance.put(position.model, node));
            models.add(reader.apply(modelFields));
            dataTests.read(position.model, kind, modelFields);
        }
    }

    /** The {@code maintenance:} block of each model that has one, read later over vault.yml's. */
    Map<String, YamlNode> maintenanceBlocks()
    {
        return Collections.unmodifiableMap(maintenance);
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
                    index.put(position.model, "hubs", scalar.text(), scalar.location());
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
                        index.put(position.model, "hubs", hub, foreignKey.locationOf("hub"));
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
}
