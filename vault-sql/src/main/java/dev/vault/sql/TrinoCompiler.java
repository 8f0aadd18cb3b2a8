package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.vault.core.model.Column;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.GhostRecord;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.SqlReferences;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.LoadingSettings;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.seed.Seed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Compiles a project's models into Trino SQL for the Iceberg connector. Each model kind has its
 * template under {@code templates/trino/}; this class only prepares what the templates need.
 */
public final class TrinoCompiler
{
    private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([^']*)'\\s*\\)\\s*}}");
    public static final String FINGERPRINT_MARK = "; vault fingerprint ";

    private final Project project;
    private final Templates templates = new Templates("trino");
    // the columns each CREATE TABLE of the plan being compiled declares, for ModelPlan.table
    private final Map<TableName, TableDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    public TrinoCompiler(Project project)
    {
        this.project = requireNonNull(project, "project is null");
    }

    public Plan compile()
    {
        Set<String> schemas = new LinkedHashSet<>();
        Map<String, ModelPlan> models = new LinkedHashMap<>();
        for (Model model : project.inBuildOrder()) {
            TableName target = project.tableName(model);
            if (!(model instanceof Source)) {
                schemas.add(target.schema());
            }
            ImmutableList<Statement> statements = statements(model, target);
            models.put(model.name(), new ModelPlan(model, target, statements, Optional.ofNullable(definitions.remove(target))));
        }
        ImmutableList<Statement> schemaStatements = schemas.stream()
                .map(schema -> new Statement("", Statement.Kind.SCHEMA, new TableName(project.config().catalog(), schema, "_schema"),
                        templates.render("schema.ftl", Map.of("catalog", project.config().catalog(), "schema", schema))))
                .collect(ImmutableList.toImmutableList());
        if (project.models().values().stream().anyMatch(this::rejects)) {
            // created up front, before models load in parallel and write to it
            TableName rejected = rejectedTable();
            schemaStatements = ImmutableList.<Statement>builder().addAll(schemaStatements)
                    .add(new Statement("", Statement.Kind.CREATE_TABLE, rejected, templates.render("rejected_table.ftl", Map.of(
                            "model", Map.of("kind", "project", "name", project.config().name(), "location", ProjectConfig.FILE_NAME),
                            "target", rejected,
                            "description", "Rows vault left out of a load, with the reason (vault project " + project.config().name() + ")"))))
                    .build();
        }
        return new Plan(schemaStatements, ImmutableMap.copyOf(models));
    }

    /** CREATE SCHEMA for the bronze schema, needed before seeding. */
    public Statement bronzeSchema()
    {
        String schema = project.config().schema(Layer.BRONZE);
        return new Statement("", Statement.Kind.SCHEMA, new TableName(project.config().catalog(), schema, "_schema"),
                templates.render("schema.ftl", Map.of("catalog", project.config().catalog(), "schema", schema)));
    }

    private ImmutableList<Statement> statements(Model model, TableName target)
    {
        return switch (model) {
            case Source ignored -> ImmutableList.of();
            case Stage stage -> ImmutableList.of(new Statement(model.name(), Statement.Kind.VIEW, target, stage(stage, target)));
            case Hub hub when hub.identity() -> ImmutableList.<Statement>builder()
                    .add(new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, hubTable(hub, target)))
                    .addAll(identityResolution(hub).setup())
                    .build();
            case Hub hub -> withRejects(model, hub.sources(), List.of(hub.hashKey()),
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, hubTable(hub, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, hubLoad(hub, target)));
            case Link link -> withRejects(model, link.sources(), linkKeys(link),
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, linkTable(link, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, linkLoad(link, target)));
            case Satellite satellite -> satelliteStatements(satellite, target);
            case ReferenceTable reference -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, referenceTable(reference, target)),
                    new Statement(model.name(), Statement.Kind.REJECT, rejectedTable(), rejectStatement(model, reference.sources(), reference.keys())),
                    new Statement(model.name(), Statement.Kind.LOAD, target, referenceLoad(reference, target)),
                    new Statement(model.name(), Statement.Kind.VIEW, project.refTable(reference.currentView()), referenceCurrent(reference, target)));
            case Mart mart -> mart.materialized() == Mart.Materialization.VIEW
                    ? ImmutableList.of(new Statement(model.name(), Statement.Kind.VIEW, target,
                            templates.render("mart_view.ftl", Map.of("model", header(mart), "target", target, "query", query(mart)))))
                    : ImmutableList.of();
            case SnapshotControl ignored -> new PitCompiler(project, templates, this).statements(model, target);
            case Pit ignored -> new PitCompiler(project, templates, this).statements(model, target);
            case Bridge ignored -> new PitCompiler(project, templates, this).statements(model, target);
        };
    }

    private String stage(Stage stage, TableName target)
    {
        Source source = project.model(stage.source(), Source.class);
        HashingSettings hashing = project.config().hashing();
        List<Object> hashed = new ArrayList<>();
        for (HashedColumn column : ImmutableList.<HashedColumn>builder().addAll(stage.hashKeys()).addAll(stage.hashdiffs()).build()) {
            hashed.add(Map.of(
                    "name", column.name(),
                    "hashKey", column.kind() == HashedColumn.Kind.HASH_KEY,
                    "columns", column.columns(),
                    "zeroInput", String.join("|", Collections.nCopies(column.columns().size(), "\\N"))));
        }
        List<String> outputColumns = new ArrayList<>();
        source.columns().forEach(column -> outputColumns.add(column.name()));
        stage.derivedColumns().forEach(column -> outputColumns.add(column.name()));
        Map<String, Object> model = new HashMap<>();
        stage.identity().ifPresent(identity -> model.put("identity", identityColumns(identity)));
        return templates.render("stage.ftl", ImmutableMap.<String, Object>builder()
                .putAll(model)
                .put("model", header(stage))
                .put("target", target)
                .put("sourceTable", project.tableName(source))
                .put("sourceColumns", source.columns().stream().map(column -> column.name()).toList())
                .put("derivedLevels", derivedLevels(stage))
                .put("loadTimestamp", source.loadTimestamp())
                .put("recordSource", source.recordSource())
                .put("hashed", hashed)
                .put("outputColumns", outputColumns)
                .put("hashing", Map.of(
                        "function", hashing.algorithm().trinoFunction(),
                        "zeroKey", hashing.zeroKey(),
                        "upperKeys", hashing.businessKeyCase() == HashingSettings.KeyCase.UPPER))
                .buildOrThrow());
    }

    private Map<String, Object> identityColumns(StageIdentity identity)
    {
        IdentitySql sql = new IdentitySql(project.config().identity());
        List<Map<String, String>> keys = new ArrayList<>();
        for (IdentityKey key : project.config().identity().keys()) {
            keys.add(Map.of("column", StageIdentity.KEY_PREFIX + key.name(), "expression", sql.key(key, IdentitySql.stagedParts())));
        }
        return Map.of(
                "recordKey", identity.recordKey(),
                "name", identity.name().map(column -> sql.name(text(column))).orElse("CAST(NULL AS varchar)"),
                "email", identity.email().map(column -> sql.email(text(column))).orElse("CAST(NULL AS varchar)"),
                "phone", identity.phone().map(column -> sql.phone(text(column))).orElse("CAST(NULL AS varchar)"),
                "keys", keys);
    }

    private static String text(String column)
    {
        return "CAST(" + SqlText.identifier(column) + " AS varchar)";
    }

    /**
     * Groups derived columns so each group reads only source columns and earlier groups: one CTE
     * per group, which lets a derived column use another (Trino cannot read a select alias).
     */
    private static List<List<Map<String, Object>>> derivedLevels(Stage stage)
    {
        Map<String, Integer> levels = new HashMap<>();
        List<List<Map<String, Object>>> grouped = new ArrayList<>();
        for (DerivedColumn derived : stage.derivedColumns()) {
            int level = 0;
            for (SqlReferences.Reference reference : SqlReferences.columns(derived.sql())) {
                Integer referenced = levels.get(reference.name());
                if (referenced != null) {
                    level = Math.max(level, referenced + 1);
                }
            }
            levels.put(derived.name(), level);
            while (grouped.size() <= level) {
                grouped.add(new ArrayList<>());
            }
            grouped.get(level).add(Map.of("name", derived.name(), "sql", derived.sql().strip()));
        }
        return grouped;
    }

    private String hubTable(Hub hub, TableName target)
    {
        Stage stage = project.model(hub.sources().getFirst(), Stage.class);
        Map<String, String> staged = project.stagedColumns(stage);
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(hub.hashKey(), StandardColumns.HASH_TYPE, true, "Hash key of " + String.join(", ", hub.businessKeys())));
        if (hub.identity()) {
            columns.add(column(Hub.FOUNDING_RECORD, StandardColumns.HASH_TYPE, true, "The identity_record of the earliest record of the person"));
        }
        else {
            hub.businessKeys().forEach(key -> columns.add(keyColumn(column(key, staged.get(key), false, "Business key"))));
        }
        addLoadColumns(columns);
        return createTable(hub, target, columns, List.of(bucket(hub.hashKey(), hub.layout().buckets())), List.of(hub.hashKey()));
    }

    private String hubLoad(Hub hub, TableName target)
    {
        List<String> columns = new ArrayList<>();
        columns.add(hub.hashKey());
        columns.addAll(hub.businessKeys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        Map<String, Object> data = new HashMap<>();
        if (rejects(hub)) {
            data.put("rejectKeys", rejectKeys(hub, List.of(hub.hashKey())));
        }
        return templates.render("hub.ftl", with(data, Map.of(
                "model", header(hub),
                "target", target,
                "columns", columns,
                "sources", tables(hub.sources()),
                "hashKey", hub.hashKey(),
                "businessKeys", hub.businessKeys())));
    }

    private String linkTable(Link link, TableName target)
    {
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(link.hashKey(), StandardColumns.HASH_TYPE, true, "Hash key of the combination of the hubs' business keys"));
        link.foreignKeys().forEach(key -> columns.add(column(key.column(), StandardColumns.HASH_TYPE, true, "Hash key in " + key.hub())));
        addLoadColumns(columns);
        if (!link.payload().isEmpty()) {
            Map<String, String> staged = project.stagedColumns(project.model(link.sources().getFirst(), Stage.class));
            link.payload().forEach(column -> columns.add(column(column, staged.get(column), false, "")));
        }
        return createTable(link, target, columns, List.of(bucket(link.hashKey(), link.layout().buckets())), List.of(link.hashKey()));
    }

    private String linkLoad(Link link, TableName target)
    {
        List<String> columns = new ArrayList<>();
        columns.add(link.hashKey());
        link.foreignKeys().forEach(key -> columns.add(key.column()));
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.addAll(link.payload());
        List<Map<String, Object>> foreignKeys = new ArrayList<>();
        Optional<Hub> identityHub = Optional.empty();
        for (ForeignKey key : link.foreignKeys()) {
            Hub hub = project.model(key.hub(), Hub.class);
            foreignKeys.add(Map.of("column", key.column(), "hubKey", hub.hashKey(), "resolved", hub.identity()));
            if (hub.identity()) {
                identityHub = Optional.of(hub);
            }
        }
        Map<String, Object> data = new HashMap<>();
        if (rejects(link)) {
            data.put("rejectKeys", rejectKeys(link, linkKeys(link)));
        }
        return templates.render("link.ftl", with(data, Map.of(
                "model", header(link),
                "target", target,
                "columns", columns,
                "sources", sources(link.sources(), identityHub),
                "hashKey", link.hashKey(),
                "foreignKeys", foreignKeys,
                "payload", link.payload(),
                "computedKey", identityHub.isPresent(),
                "hashFunction", project.config().hashing().algorithm().trinoFunction())));
    }

    /** The stages a load reads; with an identity hub, each joined to the hub's resolved view. */
    private List<Map<String, Object>> sources(List<String> stages, Optional<Hub> identityHub)
    {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String stage : stages) {
            Map<String, Object> source = new HashMap<>();
            source.put("table", project.tableName(project.model(stage)));
            identityHub.ifPresent(hub -> source.put("resolved", identityResolution(hub).resolvedView()));
            sources.add(source);
        }
        return sources;
    }

    /**
     * The columns of a model's table or view and what each holds, for documentation: a source's
     * as declared, a stage's view columns, the columns a vault table is created with. Empty for a
     * mart: its columns are whatever its query selects.
     */
    public ImmutableList<Column> columns(Model model)
    {
        return switch (model) {
            case Source source -> source.columns();
            case Stage stage -> stageColumns(stage);
            case Mart ignored -> ImmutableList.of();
            default -> {
                TableName target = project.tableName(model);
                statements(model, target);
                TableDefinition table = definitions.remove(target);
                if (table == null) {
                    yield ImmutableList.of();
                }
                Optional<String> stage = model.dependencies().stream().filter(name -> project.model(name) instanceof Stage).findFirst();
                yield documented(model, table, stage);
            }
        };
    }

    private ImmutableList<Column> stageColumns(Stage stage)
    {
        Source source = project.model(stage.source(), Source.class);
        Map<String, String> described = new HashMap<>();
        source.columns().forEach(column -> described.put(column.name(), column.description()));
        stage.derivedColumns().forEach(column -> described.putIfAbsent(column.name(), "Derived: " + column.sql().strip().replaceAll("\\s+", " ")));
        described.putIfAbsent(StandardColumns.LOAD_DATETIME, "When the row landed in bronze (from " + source.loadTimestamp() + ")");
        described.putIfAbsent(StandardColumns.RECORD_SOURCE, "Source system of the row: '" + source.recordSource() + "'");
        stage.hashKeys().forEach(column -> described.putIfAbsent(column.name(), "Hash key of " + String.join(", ", column.columns())));
        stage.hashdiffs().forEach(column -> described.putIfAbsent(column.name(), "Hashdiff of " + String.join(", ", column.columns())));
        stage.identity().ifPresent(identity -> {
            described.putIfAbsent(StageIdentity.RECORD, "Identity of the source record (hash of " + String.join(", ", identity.recordKey()) + ")");
            described.putIfAbsent(StageIdentity.NAME, "Normalized name" + identity.name().map(column -> " (from " + column + ")").orElse(""));
            described.putIfAbsent(StageIdentity.EMAIL, "Normalized email" + identity.email().map(column -> " (from " + column + ")").orElse(""));
            described.putIfAbsent(StageIdentity.PHONE, "Normalized phone" + identity.phone().map(column -> " (from " + column + ")").orElse(""));
        });
        return project.stagedColumns(stage).entrySet().stream()
                .map(column -> new Column(column.getKey(), column.getValue(), described.getOrDefault(column.getKey(), ""), stage.location()))
                .collect(ImmutableList.toImmutableList());
    }

    /** A table's columns; one without a comment of its own is described as its stage describes it. */
    private ImmutableList<Column> documented(Model model, TableDefinition table, Optional<String> stage)
    {
        Map<String, String> staged = new HashMap<>();
        stage.ifPresent(name -> stageColumns(project.model(name, Stage.class)).forEach(column -> staged.put(column.name(), column.description())));
        return table.columns().stream()
                .map(column -> new Column(column.name(), column.type(), column.comment().isEmpty() ? staged.getOrDefault(column.name(), "") : column.comment(), model.location()))
                .collect(ImmutableList.toImmutableList());
    }

    /** The SQL that resolves the persons of an identity hub; the runner drives its rounds. */
    public IdentityResolutionSql identityResolution(Hub hub)
    {
        return new IdentityResolutionSql(project, hub, templates);
    }

    /**
     * Whether a model's load leaves out the staged rows whose key is the zero key (a null or blank
     * business key) and records them in the rejected table: hubs and links with null-keys: reject;
     * satellites and multi-active satellites always, since a row without its parent's key
     * describes nothing (and two of them in one batch would be two payloads for one key);
     * reference tables always, for rows with a null or blank code (codes are not hashed, and a
     * null code would never match its own latest row, so every run would insert it again).
     */
    private boolean rejects(Model model)
    {
        return switch (model) {
            case Hub hub -> rejectsNullKeys() && !hub.identity();
            case Link link -> rejectsNullKeys() && link.foreignKeys().stream().noneMatch(key -> project.model(key.hub()) instanceof Hub hub && hub.identity());
            case Satellite satellite -> (satellite.kind() == ModelKind.SATELLITE || satellite.kind() == ModelKind.MULTI_ACTIVE_SATELLITE)
                    && !(project.model(satellite.parent()) instanceof Hub hub && hub.identity());
            case ReferenceTable ignored -> true;
            default -> false;
        };
    }

    private boolean rejectsNullKeys()
    {
        return project.config().loading().nullKeys() == LoadingSettings.NullKeys.REJECT;
    }

    /** Where null-keys: reject records the rows it leaves out: one table per project, in the silver schema. */
    public TableName rejectedTable()
    {
        return new TableName(project.config().catalog(), project.config().schema(dev.vault.core.model.Layer.SILVER), "vault_rejected_rows");
    }

    private static List<String> linkKeys(Link link)
    {
        List<String> keys = new ArrayList<>();
        keys.add(link.hashKey());
        link.foreignKeys().forEach(key -> keys.add(key.column()));
        return keys;
    }

    private ImmutableList<Statement> withRejects(Model model, List<String> stages, List<String> keys, Statement create, Statement load)
    {
        if (!rejects(model)) {
            return ImmutableList.of(create, load);
        }
        return ImmutableList.of(create, new Statement(model.name(), Statement.Kind.REJECT, rejectedTable(), rejectStatement(model, stages, keys)), load);
    }

    private String rejectStatement(Model model, List<String> stages, List<String> keys)
    {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String name : stages) {
            Stage stage = project.model(name, Stage.class);
            Source source = project.model(stage.source(), Source.class);
            sources.add(Map.of(
                    "name", stage.name(),
                    "table", project.tableName(stage),
                    "columns", source.columns().stream().map(column -> Map.of("name", column.name(), "type", column.type())).toList()));
        }
        String what = switch (model) {
            case Hub hub -> "business key " + String.join(", ", hub.businessKeys());
            case Link link -> "a business key of " + link.foreignKeys().stream().map(ForeignKey::hub).collect(java.util.stream.Collectors.joining(", "));
            case ReferenceTable reference -> "code " + String.join(", ", reference.keys());
            default -> "the business key of parent " + ((Satellite) model).parent();
        };
        String reason = switch (model) {
            case Satellite ignored -> what + " is null or blank: a satellite row needs its parent's key";
            case ReferenceTable ignored -> what + " is null or blank: a reference row needs its code";
            default -> what + " is null or blank (loading: null-keys: reject)";
        };
        return templates.render("reject.ftl", Map.of(
                "model", header(model),
                "rejected", rejectedTable(),
                "sources", sources,
                "keys", keys,
                // reference codes are not hashed: a null or blank code is what a zero key is elsewhere
                "codes", model instanceof ReferenceTable,
                "zeroKey", project.config().hashing().zeroKey(),
                "reason", reason));
    }

    private Map<String, Object> rejectKeys(Model model, List<String> columns)
    {
        return Map.of("zeroKey", project.config().hashing().zeroKey(), "columns", columns);
    }

    private ImmutableList<Statement> satelliteStatements(Satellite satellite, TableName target)
    {
        ImmutableList.Builder<Statement> statements = ImmutableList.builder();
        statements.add(new Statement(satellite.name(), Statement.Kind.CREATE_TABLE, target, satelliteTable(satellite, target)));
        if (rejects(satellite)) {
            statements.add(new Statement(satellite.name(), Statement.Kind.REJECT, rejectedTable(), rejectStatement(satellite, satellite.sources(), List.of(parentKey(satellite)))));
        }
        if (satellite.hasPayload() && project.config().loading().ghostRecords()) {
            statements.add(new Statement(satellite.name(), Statement.Kind.GHOST, target, satelliteGhost(satellite, target)));
        }
        String load = switch (satellite.kind()) {
            case MULTI_ACTIVE_SATELLITE -> multiActiveLoad(satellite, target);
            case EFFECTIVITY_SATELLITE -> effectivityLoad(satellite, target);
            case RECORD_TRACKING_SATELLITE -> recordTrackingLoad(satellite, target);
            default -> satelliteLoad(satellite, target);
        };
        statements.add(new Statement(satellite.name(), Statement.Kind.LOAD, target, load));
        if (satellite.views()) {
            TableName endDated = project.refTable(satellite.endDatedView());
            List<String> keys = new ArrayList<>();
            keys.add(parentKey(satellite));
            keys.addAll(satellite.childKeys());
            Map<String, Object> model = new HashMap<>(loadSettings());
            model.putAll(Map.of("model", header(satellite), "target", target, "endDated", endDated, "parentKey", parentKey(satellite), "keys", keys));
            statements.add(new Statement(satellite.name(), Statement.Kind.VIEW, endDated, templates.render("satellite_views.ftl", model)));
            TableName current = project.refTable(satellite.currentView());
            statements.add(new Statement(satellite.name(), Statement.Kind.VIEW, current, templates.render("satellite_current.ftl", Map.of(
                    "model", header(satellite), "endDated", endDated, "current", current))));
        }
        return statements.build();
    }

    private Map<String, Object> loadSettings()
    {
        return Map.of(
                "zeroKey", project.config().hashing().zeroKey(),
                "endOfTime", project.config().loading().endOfTime(),
                "ghostRecordSource", GhostRecord.RECORD_SOURCE,
                "ghostLoadDatetime", "TIMESTAMP '" + GhostRecord.LOAD_DATETIME + "'");
    }

    private String satelliteTable(Satellite satellite, TableName target)
    {
        Map<String, String> staged = project.stagedColumns(project.model(satellite.sources().getFirst(), Stage.class));
        String parentKey = parentKey(satellite);
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(parentKey, StandardColumns.HASH_TYPE, true, "Hash key in " + satellite.parent()));
        satellite.childKeys().forEach(key -> columns.add(column(key, staged.get(key), true, "Dependent child key")));
        satellite.multiActiveKeys().forEach(key -> columns.add(keyColumn(column(key, staged.get(key), false, "Multi-active key: tells the rows of one key's set apart"))));
        List<String> sortedBy = new ArrayList<>();
        sortedBy.add(parentKey);
        sortedBy.addAll(satellite.childKeys());
        String bucketColumn = parentKey;
        switch (satellite.kind()) {
            case EFFECTIVITY_SATELLITE -> {
                Link link = project.model(satellite.parent(), Link.class);
                link.foreignKeys().forEach(key -> columns.add(column(key.column(), StandardColumns.HASH_TYPE, true,
                        (satellite.drivingKeys().contains(key.column()) ? "Driving key: " : "Hash key in ") + key.hub())));
                addLoadColumns(columns);
                columns.add(column(Satellite.IS_ACTIVE, "boolean", true, "Whether the link is in effect for its driving key from load_datetime on"));
                bucketColumn = satellite.drivingKeys().getFirst();
                sortedBy = new ArrayList<>(satellite.drivingKeys());
            }
            case RECORD_TRACKING_SATELLITE -> {
                addLoadColumns(columns);
                columns.add(column(Satellite.IS_PRESENT, "boolean", true, "Whether the key is in the record source's full extract of load_datetime"));
            }
            default -> {
                addLoadColumns(columns);
                columns.add(column(satellite.hashdiff(), StandardColumns.HASH_TYPE, true, "Hash of the payload"));
                satellite.payload().forEach(column -> columns.add(column(column, staged.get(column), false, "")));
            }
        }
        sortedBy.add(StandardColumns.LOAD_DATETIME);
        return createTable(satellite, target, columns, List.of(bucket(bucketColumn, satellite.layout().buckets())), sortedBy);
    }

    private String satelliteGhost(Satellite satellite, TableName target)
    {
        Map<String, String> staged = project.stagedColumns(project.model(satellite.sources().getFirst(), Stage.class));
        String zeroKey = SqlText.literal(project.config().hashing().zeroKey());
        List<Map<String, String>> columns = new ArrayList<>();
        columns.add(Map.of("name", parentKey(satellite), "value", zeroKey));
        satellite.childKeys().forEach(key -> columns.add(Map.of("name", key, "value", zeroKey)));
        satellite.multiActiveKeys().forEach(key -> columns.add(Map.of("name", key, "value", "CAST(NULL AS " + staged.get(key) + ")")));
        columns.add(Map.of("name", StandardColumns.LOAD_DATETIME, "value", "TIMESTAMP '" + GhostRecord.LOAD_DATETIME + "'"));
        columns.add(Map.of("name", StandardColumns.RECORD_SOURCE, "value", SqlText.literal(GhostRecord.RECORD_SOURCE)));
        columns.add(Map.of("name", satellite.hashdiff(), "value", zeroKey));
        satellite.payload().forEach(column -> columns.add(Map.of("name", column, "value", "CAST(NULL AS " + staged.get(column) + ")")));
        Map<String, Object> model = new HashMap<>(loadSettings());
        model.putAll(Map.of("model", header(satellite), "target", target, "columns", columns, "parentKey", parentKey(satellite)));
        return templates.render("satellite_ghost.ftl", model);
    }

    private String satelliteLoad(Satellite satellite, TableName target)
    {
        String parentKey = parentKey(satellite);
        List<String> columns = new ArrayList<>();
        columns.add(parentKey);
        columns.addAll(satellite.childKeys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(satellite.hashdiff());
        columns.addAll(satellite.payload());
        List<String> keys = new ArrayList<>();
        keys.add(parentKey);
        keys.addAll(satellite.childKeys());
        Optional<Hub> identityHub = project.model(satellite.parent()) instanceof Hub hub && hub.identity() ? Optional.of(hub) : Optional.empty();
        Map<String, Object> data = new HashMap<>();
        if (rejects(satellite)) {
            data.put("rejectKeys", rejectKeys(satellite, List.of(parentKey)));
        }
        return templates.render("satellite.ftl", with(data, Map.of(
                "model", header(satellite),
                "target", target,
                "columns", columns,
                "sources", sources(satellite.sources(), identityHub),
                "parentKey", parentKey,
                "keys", keys,
                "hashdiff", satellite.hashdiff())));
    }

    private String multiActiveLoad(Satellite satellite, TableName target)
    {
        String parentKey = parentKey(satellite);
        List<String> columns = new ArrayList<>();
        columns.add(parentKey);
        columns.addAll(satellite.multiActiveKeys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(satellite.hashdiff());
        columns.addAll(satellite.payload());
        Map<String, Object> data = new HashMap<>();
        if (rejects(satellite)) {
            data.put("rejectKeys", rejectKeys(satellite, List.of(parentKey)));
        }
        return templates.render("multi_active_satellite.ftl", with(data, Map.of(
                "model", header(satellite),
                "target", target,
                "columns", columns,
                "sources", sources(satellite.sources(), Optional.empty()),
                "parentKey", parentKey,
                "multiActiveKeys", satellite.multiActiveKeys(),
                "hashdiff", satellite.hashdiff())));
    }

    private String effectivityLoad(Satellite satellite, TableName target)
    {
        Link link = project.model(satellite.parent(), Link.class);
        List<String> linkColumns = new ArrayList<>();
        linkColumns.add(link.hashKey());
        link.foreignKeys().forEach(key -> linkColumns.add(key.column()));
        List<String> columns = new ArrayList<>(linkColumns);
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(Satellite.IS_ACTIVE);
        return templates.render("effectivity_satellite.ftl", Map.of(
                "model", header(satellite),
                "target", target,
                "columns", columns,
                "linkColumns", linkColumns,
                "sources", sources(satellite.sources(), Optional.empty()),
                "hashKey", link.hashKey(),
                "drivingKeys", satellite.drivingKeys()));
    }

    private String recordTrackingLoad(Satellite satellite, TableName target)
    {
        String parentKey = parentKey(satellite);
        return templates.render("record_tracking_satellite.ftl", Map.of(
                "model", header(satellite),
                "target", target,
                "columns", List.of(parentKey, StandardColumns.LOAD_DATETIME, StandardColumns.RECORD_SOURCE, Satellite.IS_PRESENT),
                "sources", sources(satellite.sources(), Optional.empty()),
                "parentKey", parentKey,
                "statusColumn", Satellite.IS_PRESENT));
    }

    private String referenceTable(ReferenceTable reference, TableName target)
    {
        Map<String, String> staged = project.stagedColumns(project.model(reference.sources().getFirst(), Stage.class));
        List<Map<String, Object>> columns = new ArrayList<>();
        reference.keys().forEach(key -> columns.add(column(key, staged.get(key), true, "Code")));
        addLoadColumns(columns);
        columns.add(column(ReferenceTable.HASHDIFF, StandardColumns.HASH_TYPE, true, "Hash of the payload"));
        reference.payload().forEach(column -> columns.add(column(column, staged.get(column), false, "")));
        List<String> sortedBy = new ArrayList<>(reference.keys());
        sortedBy.add(StandardColumns.LOAD_DATETIME);
        return createTable(reference, target, columns, List.of(), sortedBy);
    }

    private String referenceLoad(ReferenceTable reference, TableName target)
    {
        List<String> columns = new ArrayList<>(reference.keys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(ReferenceTable.HASHDIFF);
        columns.addAll(reference.payload());
        HashingSettings hashing = project.config().hashing();
        Map<String, Object> model = new HashMap<>();
        model.putAll(Map.of(
                "model", header(reference),
                "target", target,
                "columns", columns,
                "sources", sources(reference.sources(), Optional.empty()),
                "parentKey", reference.keys().getFirst(),
                "keys", reference.keys(),
                "hashdiff", ReferenceTable.HASHDIFF,
                "diffColumns", reference.payload(),
                "requiredCodes", reference.keys(),
                "hashing", Map.of("function", hashing.algorithm().trinoFunction(), "zeroKey", hashing.zeroKey())));
        return templates.render("satellite.ftl", model);
    }

    private String referenceCurrent(ReferenceTable reference, TableName target)
    {
        List<String> columns = new ArrayList<>(reference.keys());
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        columns.add(ReferenceTable.HASHDIFF);
        columns.addAll(reference.payload());
        return templates.render("reference_current.ftl", Map.of(
                "model", header(reference),
                "target", target,
                "current", project.refTable(reference.currentView()),
                "columns", columns,
                "keys", reference.keys()));
    }

    /**
     * The statement that rebuilds a table mart, its comment carrying {@code fingerprint}: a digest
     * of the query and of its input tables' snapshots, computed by the runner (see {@link #martInputs}).
     */
    public Statement martTable(Mart mart, String fingerprint)
    {
        TableName target = project.tableName(mart);
        String comment = describe(mart) + FINGERPRINT_MARK + fingerprint;
        return new Statement(mart.name(), Statement.Kind.REPLACE, target, templates.render("mart_table.ftl", Map.of(
                "model", header(mart),
                "target", target,
                "tableComment", comment,
                "query", query(mart))));
    }

    /** The compiled query of a mart, refs resolved; part of its fingerprint. */
    public String query(Mart mart)
    {
        Matcher matcher = REF.matcher(mart.sql());
        StringBuilder query = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(query, Matcher.quoteReplacement(SqlText.table(project.refTable(matcher.group(1)))));
        }
        matcher.appendTail(query);
        return query.toString().strip().replaceFirst(";\\s*$", "");
    }

    /**
     * The Iceberg tables a mart's content depends on: every table among its ancestors (views are
     * looked through, since their own inputs are ancestors too).
     */
    public ImmutableList<TableName> martInputs(Mart mart)
    {
        return inputs(mart);
    }

    /**
     * The Iceberg tables a hub, link, satellite or reference table load reads, looked through
     * views: when none of them has a new snapshot and the load's SQL is the same, loading again
     * would insert nothing, so the runner skips it. Empty for models whose load depends on more
     * than their inputs (snapshot control, PIT and bridge loads also depend on the date).
     */
    public Optional<ImmutableList<TableName>> loadInputs(Model model)
    {
        return switch (model) {
            case Hub hub when !hub.identity() -> Optional.of(inputs(model));
            case Link ignored -> Optional.of(inputs(model));
            case Satellite ignored -> Optional.of(inputs(model));
            case ReferenceTable ignored -> Optional.of(inputs(model));
            default -> Optional.empty();
        };
    }

    /** The statement that records a load's fingerprint in its table's comment, next to the table's description. */
    public String loadFingerprintComment(Model model, String fingerprint)
    {
        return "COMMENT ON TABLE " + SqlText.table(project.tableName(model)) + " IS " + SqlText.literal(describe(model) + FINGERPRINT_MARK + fingerprint);
    }

    private ImmutableList<TableName> inputs(Model target)
    {
        ImmutableList.Builder<TableName> inputs = ImmutableList.builder();
        for (String name : project.graph().ancestors(target.name()).stream().sorted().toList()) {
            Model model = project.model(name);
            if (model instanceof Stage || model instanceof Mart ancestor && ancestor.materialized() == Mart.Materialization.VIEW) {
                continue;
            }
            inputs.add(project.tableName(model));
            if (model instanceof Hub hub && hub.identity()) {
                // a merge writes only the same-as link and the records map, not the hub
                IdentityResolutionSql identity = identityResolution(hub);
                inputs.add(identity.recordsTable(), identity.sameAsTable());
            }
        }
        return inputs.build();
    }

    /** Replaces a source table with the seed's rows; skipped by the runner when the fingerprint matches. */
    public Statement seed(Seed seed)
    {
        Source source = seed.source();
        TableName target = project.tableName(source);
        List<List<String>> rows = new ArrayList<>();
        for (Seed.Row row : seed.rows()) {
            rows.add(row.values().stream().map(value -> value.orElse("")).toList());
        }
        boolean empty = rows.isEmpty();
        if (empty) {
            rows.add(Collections.nCopies(source.columns().size(), ""));
        }
        Map<String, Object> model = new HashMap<>(Map.of(
                "model", header(source),
                "target", target,
                "files", String.join(", ", seed.files().stream().map(Path::toString).toList()),
                "rowCount", seed.rows().size(),
                "columns", source.columns().stream().map(column -> Map.of("name", column.name(), "type", column.type())).toList(),
                "rows", rows,
                "empty", empty));
        model.put("tableComment", "");
        String fingerprint = Hashing.sha256().hashString(templates.render("seed.ftl", model), StandardCharsets.UTF_8).toString();
        model.put("tableComment", "Seeded by vault from " + model.get("files") + FINGERPRINT_MARK + fingerprint);
        return new Statement(source.name(), Statement.Kind.REPLACE, target, templates.render("seed.ftl", model));
    }

    /** Every data test of the project: the built-in integrity checks, then the tests written in the models' YAML. */
    public ImmutableList<DataTest> dataTests()
    {
        List<DataTest> tests = new ArrayList<>(integrityTests());
        tests.addAll(declaredTests());
        // names identify tests in output and artifacts: a second test with a name gets ' #2'
        Map<String, Integer> seen = new HashMap<>();
        ImmutableList.Builder<DataTest> named = ImmutableList.builder();
        for (DataTest test : tests) {
            int count = seen.merge(test.name(), 1, Integer::sum);
            named.add(count == 1 ? test : new DataTest(test.name() + " #" + count, test.model(), test.description(), test.severity(), test.sql()));
        }
        return named.build();
    }

    /**
     * The Data Vault integrity checks every project gets: hub and link keys unique, hub business
     * keys present, link foreign keys present in their hubs, satellite keys present in their
     * parent, one satellite row per key and load time, and no satellite row repeating the previous
     * row's hashdiff.
     */
    public ImmutableList<DataTest> integrityTests()
    {
        ImmutableList.Builder<DataTest> tests = ImmutableList.builder();
        for (Model model : project.inBuildOrder()) {
            TableName target = project.tableName(model);
            switch (model) {
                case Hub hub -> {
                    tests.add(unique(hub, target, List.of(hub.hashKey()), "every hash key of the hub appears once"));
                    tests.add(businessKey(hub, target));
                }
                case Link link -> {
                    tests.add(unique(link, target, List.of(link.hashKey()), "every hash key of the link appears once"));
                    for (ForeignKey foreignKey : link.foreignKeys()) {
                        Hub hub = project.model(foreignKey.hub(), Hub.class);
                        tests.add(relationship(link, target, foreignKey.column(), hub, hub.hashKey()));
                    }
                }
                case Satellite satellite -> {
                    String parentKey = parentKey(satellite);
                    List<String> keys = new ArrayList<>();
                    keys.add(parentKey);
                    keys.addAll(satellite.childKeys());
                    List<String> unique = new ArrayList<>(keys);
                    unique.addAll(satellite.multiActiveKeys());
                    if (satellite.kind() == ModelKind.RECORD_TRACKING_SATELLITE) {
                        unique.add(StandardColumns.RECORD_SOURCE);
                    }
                    unique.add(StandardColumns.LOAD_DATETIME);
                    tests.add(unique(satellite, target, unique, "one row per key and load_datetime"));
                    tests.add(relationship(satellite, target, parentKey, project.model(satellite.parent()), parentKey));
                    if (satellite.kind() == ModelKind.SATELLITE) {
                        tests.add(hashdiffChanges(satellite, target, keys));
                    }
                    if (satellite.hasPayload() && project.config().loading().ghostRecords()) {
                        tests.add(ghostRecord(satellite, target));
                    }
                }
                case ReferenceTable reference -> {
                    List<String> unique = new ArrayList<>(reference.keys());
                    unique.add(StandardColumns.LOAD_DATETIME);
                    tests.add(unique(reference, target, unique, "one row per code and load_datetime"));
                }
                case Pit pit -> tests.add(unique(pit, target, List.of(project.model(pit.parent()) instanceof Link link ? link.hashKey() : project.model(pit.parent(), Hub.class).hashKey(), SnapshotControl.SNAPSHOT_DATETIME),
                        "one row per key and snapshot"));
                case SnapshotControl control -> tests.add(unique(control, target, List.of(SnapshotControl.SNAPSHOT_DATETIME), "every snapshot appears once"));
                default -> {}
            }
        }
        return tests.build();
    }

    /** The tests written in the models' YAML ({@code tests:}), model by model in build order. */
    public ImmutableList<DataTest> declaredTests()
    {
        ImmutableList.Builder<DataTest> tests = ImmutableList.builder();
        for (Model model : project.inBuildOrder()) {
            for (DeclaredTest test : project.tests(model.name())) {
                tests.add(declared(model, project.tableName(model), test));
            }
        }
        return tests.build();
    }

    private DataTest declared(Model model, TableName target, DeclaredTest test)
    {
        String columns = String.join(", ", test.columns());
        String where = test.where().orElse("");
        String filter = test.where().map(sql -> " (rows where " + compact(sql, 80) + ")").orElse("");
        Map<String, Object> values = new HashMap<>(Map.of("target", target, "where", where, "columns", test.columns()));
        String name;
        String description;
        String template;
        switch (test.kind()) {
            case UNIQUE -> {
                name = model.name() + ".unique(" + columns + ")";
                description = (test.columns().size() == 1 ? "every " + columns : "every combination of " + columns) + " of " + model.name() + " appears once, nulls aside";
                template = "test_unique.ftl";
                values.put("skipNulls", true);
            }
            case NOT_NULL -> {
                name = model.name() + ".not_null(" + columns + ")";
                description = "no " + columns + " of " + model.name() + " is null";
                template = "test_not_null.ftl";
            }
            case ACCEPTED_VALUES -> {
                name = model.name() + ".accepted_values(" + columns + ")";
                description = columns + " of " + model.name() + " is one of " + String.join(", ", test.values()) + ", or null";
                template = "test_accepted_values.ftl";
                values.put("column", test.column().orElseThrow());
                // unquoted values were checked to be numbers or booleans when the project loaded
                values.put("values", test.values().stream().map(value -> test.quote() ? SqlText.literal(value) : value).toList());
            }
            case RELATIONSHIPS -> {
                String to = test.to().orElseThrow();
                String field = test.field().orElseThrow();
                name = model.name() + ".relationships(" + columns + " -> " + to + "." + field + ")";
                description = "every " + columns + " of " + model.name() + " is a " + field + " of " + to;
                template = "test_relationship.ftl";
                values.put("child", target);
                values.put("childColumn", test.column().orElseThrow());
                values.put("parent", project.refTable(to));
                values.put("parentColumn", field);
            }
            case EXPRESSION -> {
                String expression = test.expression().orElseThrow();
                name = model.name() + ".expression(" + compact(expression, 60) + ")";
                description = compact(expression, 200) + " holds for every row of " + model.name();
                template = "test_expression.ftl";
                values.put("expression", expression);
            }
            default -> throw new IllegalStateException("unknown test kind: " + test.kind());
        }
        description += filter;
        values.put("name", name);
        values.put("description", description + " (" + test.location() + ")");
        return new DataTest(name, model.name(), description, test.severity(), templates.render(template, values));
    }

    /** SQL on one line, cut to {@code length} characters, for test names and descriptions. */
    private static String compact(String sql, int length)
    {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= length ? line : line.substring(0, length - 3) + "...";
    }

    private DataTest unique(Model model, TableName target, List<String> columns, String description)
    {
        String name = model.name() + ".unique(" + String.join(", ", columns) + ")";
        return new DataTest(name, model.name(), description, templates.render("test_unique.ftl", Map.of(
                "name", name, "description", description, "target", target, "columns", columns, "where", "", "skipNulls", false)));
    }

    private DataTest businessKey(Hub hub, TableName target)
    {
        String name = hub.name() + ".business_key_not_null(" + String.join(", ", hub.businessKeys()) + ")";
        String description = "every row of the hub but the zero key has a business key";
        return new DataTest(name, hub.name(), description, templates.render("test_business_key.ftl", Map.of(
                "name", name,
                "description", description,
                "target", target,
                "hashKey", hub.hashKey(),
                "businessKeys", hub.businessKeys(),
                "zeroKey", project.config().hashing().zeroKey())));
    }

    private DataTest hashdiffChanges(Satellite satellite, TableName target, List<String> keys)
    {
        String name = satellite.name() + ".hashdiff_changes(" + String.join(", ", keys) + ")";
        String description = "no row of a key repeats the hashdiff of the key's previous row";
        return new DataTest(name, satellite.name(), description, templates.render("test_hashdiff_changes.ftl", Map.of(
                "name", name,
                "description", description,
                "target", target,
                "keys", keys,
                "loadDatetime", StandardColumns.LOAD_DATETIME,
                "hashdiff", satellite.hashdiff())));
    }

    private DataTest ghostRecord(Satellite satellite, TableName target)
    {
        String name = satellite.name() + ".ghost_record";
        String description = "the satellite holds its ghost record exactly once";
        Map<String, Object> data = new HashMap<>(loadSettings());
        data.putAll(Map.of("name", name, "description", description, "target", target, "parentKey", parentKey(satellite)));
        return new DataTest(name, satellite.name(), description, templates.render("test_ghost_record.ftl", data));
    }

    private DataTest relationship(Model model, TableName target, String column, Model parent, String parentColumn)
    {
        String name = model.name() + "." + column + " in " + parent.name();
        String description = "every " + column + " of " + model.name() + " is a key of " + parent.name();
        Map<String, Object> data = new HashMap<>(Map.of(
                "name", name,
                "description", description,
                "child", target,
                "childColumn", column,
                "parent", project.tableName(parent),
                "parentColumn", parentColumn,
                "where", ""));
        if (model instanceof Satellite satellite && satellite.hasPayload() && project.config().loading().ghostRecords()) {
            // the ghost record's zero key has no parent row, by design
            data.put("ghost", loadSettings());
        }
        return new DataTest(name, model.name(), description, templates.render("test_relationship.ftl", data));
    }

    /**
     * One query per hub, link and satellite and each of its stages that accounts for every staged
     * (so every bronze) row: loaded or set aside. Identity hubs and what hangs off them account for
     * their records in their own tables (hub_*_records) and are left out.
     */
    public ImmutableList<ReconciliationQuery> reconciliations()
    {
        ImmutableList.Builder<ReconciliationQuery> queries = ImmutableList.builder();
        for (Model model : project.inBuildOrder()) {
            Optional<List<String>> keys = switch (model) {
                case Hub hub when !hub.identity() -> Optional.of(List.of(hub.hashKey()));
                case Link link when link.foreignKeys().stream().noneMatch(key -> project.model(key.hub()) instanceof Hub hub && hub.identity()) -> Optional.of(linkKeys(link));
                case Satellite satellite when satellite.hasPayload() && !(project.model(satellite.parent()) instanceof Hub hub && hub.identity()) -> Optional.of(List.of(parentKey(satellite)));
                default -> Optional.empty();
            };
            if (keys.isEmpty()) {
                continue;
            }
            for (String name : model.dependencies()) {
                if (!(project.model(name) instanceof Stage stage)) {
                    continue;
                }
                Source source = project.model(stage.source(), Source.class);
                Map<String, Object> data = new HashMap<>(Map.of(
                        "model", header(model),
                        "stage", Map.of("name", stage.name(), "table", project.tableName(stage),
                                "columns", source.columns().stream().map(column -> Map.of("name", column.name(), "type", column.type())).toList()),
                        "keys", keys.get(),
                        "target", project.tableName(model),
                        "rejected", rejectedTable(),
                        "rejectedExists", rejects(model)));
                if (model instanceof Satellite && project.config().loading().ghostRecords()) {
                    data.put("ghost", loadSettings());
                }
                queries.add(new ReconciliationQuery(model.name(), stage.name(), templates.render("reconciliation.ftl", data)));
            }
        }
        return queries.build();
    }

    /** The fingerprint a seed or mart statement writes into its table comment. */
    public static Optional<String> fingerprint(String tableComment)
    {
        if (tableComment == null) {
            return Optional.empty();
        }
        int mark = tableComment.lastIndexOf(FINGERPRINT_MARK);
        return mark < 0 ? Optional.empty() : Optional.of(tableComment.substring(mark + FINGERPRINT_MARK.length()));
    }

    public static Optional<String> fingerprint(Statement statement)
    {
        Matcher matcher = Pattern.compile(Pattern.quote(FINGERPRINT_MARK) + "([0-9a-f]+)'").matcher(statement.sql());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private String parentKey(Satellite satellite)
    {
        return switch (project.model(satellite.parent())) {
            case Hub hub -> hub.hashKey();
            case Link link -> link.hashKey();
            default -> throw new IllegalStateException("satellite parent is not a hub or link: " + satellite.parent());
        };
    }

    String createTable(Model model, TableName target, List<Map<String, Object>> columns, List<String> partitioning, List<String> sortedBy)
    {
        definitions.put(target, new TableDefinition(columns.stream()
                .map(column -> new TableDefinition.TableColumn((String) column.get("name"), (String) column.get("type"),
                        (Boolean) column.get("notNull") || column.containsKey("key"), (String) column.get("comment")))
                .collect(ImmutableList.toImmutableList())));
        return templates.render("table.ftl", Map.of(
                "model", header(model),
                "target", target,
                "columns", columns,
                "description", describe(model),
                "partitioning", partitioning,
                "sortedBy", sortedBy));
    }

    private String describe(Model model)
    {
        String description = model.description().strip().replaceAll("\\s+", " ");
        String origin = "vault %s %s, %s".formatted(model.kind().displayName(), model.name(), model.location());
        return description.isEmpty() ? origin : description + " (" + origin + ")";
    }

    private static void addLoadColumns(List<Map<String, Object>> columns)
    {
        columns.add(column(StandardColumns.LOAD_DATETIME, StandardColumns.LOAD_DATETIME_TYPE, true, "When the row's source data landed in bronze"));
        columns.add(column(StandardColumns.RECORD_SOURCE, "varchar", true, "Source system of the row"));
    }

    static Map<String, Object> column(String name, String type, boolean notNull, String comment)
    {
        return Map.of("name", name, "type", requireNonNull(type, "type of " + name), "notNull", notNull, "comment", comment);
    }

    /** A nullable column that identifies rows all the same (a business key), so it is never added to an existing table. */
    private static Map<String, Object> keyColumn(Map<String, Object> column)
    {
        Map<String, Object> key = new HashMap<>(column);
        key.put("key", true);
        return key;
    }

    private static Map<String, Object> with(Map<String, Object> extra, Map<String, Object> data)
    {
        Map<String, Object> merged = new HashMap<>(data);
        merged.putAll(extra);
        return merged;
    }

    private static String bucket(String column, int buckets)
    {
        return "bucket(" + column + ", " + buckets + ")";
    }

    private List<TableName> tables(List<String> models)
    {
        return models.stream().map(project::model).map(project::tableName).toList();
    }

    static Map<String, Object> header(Model model)
    {
        return Map.of("kind", model.kind().displayName(), "name", model.name(), "location", model.location().toString());
    }
}
