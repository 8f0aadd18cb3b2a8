package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
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
            models.put(model.name(), new ModelPlan(model, target, statements(model, target)));
        }
        ImmutableList<Statement> schemaStatements = schemas.stream()
                .map(schema -> new Statement("", Statement.Kind.SCHEMA, new TableName(project.config().catalog(), schema, "_schema"),
                        templates.render("schema.ftl", Map.of("catalog", project.config().catalog(), "schema", schema))))
                .collect(ImmutableList.toImmutableList());
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
            case Hub hub -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, hubTable(hub, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, hubLoad(hub, target)));
            case Link link -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, linkTable(link, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, linkLoad(link, target)));
            case Satellite satellite -> ImmutableList.of(
                    new Statement(model.name(), Statement.Kind.CREATE_TABLE, target, satelliteTable(satellite, target)),
                    new Statement(model.name(), Statement.Kind.LOAD, target, satelliteLoad(satellite, target)));
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
            hub.businessKeys().forEach(key -> columns.add(column(key, staged.get(key), false, "Business key")));
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
        return templates.render("hub.ftl", Map.of(
                "model", header(hub),
                "target", target,
                "columns", columns,
                "sources", tables(hub.sources()),
                "hashKey", hub.hashKey(),
                "businessKeys", hub.businessKeys()));
    }

    private String linkTable(Link link, TableName target)
    {
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(link.hashKey(), StandardColumns.HASH_TYPE, true, "Hash key of the combination of the hubs' business keys"));
        link.foreignKeys().forEach(key -> columns.add(column(key.column(), StandardColumns.HASH_TYPE, true, "Hash key in " + key.hub())));
        addLoadColumns(columns);
        return createTable(link, target, columns, List.of(bucket(link.hashKey(), link.layout().buckets())), List.of(link.hashKey()));
    }

    private String linkLoad(Link link, TableName target)
    {
        List<String> columns = new ArrayList<>();
        columns.add(link.hashKey());
        link.foreignKeys().forEach(key -> columns.add(key.column()));
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
        List<Map<String, Object>> foreignKeys = new ArrayList<>();
        Optional<Hub> identityHub = Optional.empty();
        for (ForeignKey key : link.foreignKeys()) {
            Hub hub = project.model(key.hub(), Hub.class);
            foreignKeys.add(Map.of("column", key.column(), "hubKey", hub.hashKey(), "resolved", hub.identity()));
            if (hub.identity()) {
                identityHub = Optional.of(hub);
            }
        }
        return templates.render("link.ftl", Map.of(
                "model", header(link),
                "target", target,
                "columns", columns,
                "sources", sources(link.sources(), identityHub),
                "hashKey", link.hashKey(),
                "foreignKeys", foreignKeys,
                "computedKey", identityHub.isPresent(),
                "hashFunction", project.config().hashing().algorithm().trinoFunction()));
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

    /** The SQL that resolves the persons of an identity hub; the runner drives its rounds. */
    public IdentityResolutionSql identityResolution(Hub hub)
    {
        return new IdentityResolutionSql(project, hub, templates);
    }

    private String satelliteTable(Satellite satellite, TableName target)
    {
        Map<String, String> staged = project.stagedColumns(project.model(satellite.sources().getFirst(), Stage.class));
        String parentKey = parentKey(satellite);
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column(parentKey, StandardColumns.HASH_TYPE, true, "Hash key in " + satellite.parent()));
        satellite.childKeys().forEach(key -> columns.add(column(key, staged.get(key), true, "Dependent child key")));
        addLoadColumns(columns);
        columns.add(column(satellite.hashdiff(), StandardColumns.HASH_TYPE, true, "Hash of the payload"));
        satellite.payload().forEach(column -> columns.add(column(column, staged.get(column), false, "")));
        List<String> sortedBy = new ArrayList<>();
        sortedBy.add(parentKey);
        sortedBy.addAll(satellite.childKeys());
        sortedBy.add(StandardColumns.LOAD_DATETIME);
        return createTable(satellite, target, columns, List.of(bucket(parentKey, satellite.layout().buckets())), sortedBy);
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
        return templates.render("satellite.ftl", Map.of(
                "model", header(satellite),
                "target", target,
                "columns", columns,
                "sources", sources(satellite.sources(), identityHub),
                "parentKey", parentKey,
                "keys", keys,
                "hashdiff", satellite.hashdiff()));
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
        ImmutableList.Builder<TableName> inputs = ImmutableList.builder();
        for (String name : project.graph().ancestors(mart.name()).stream().sorted().toList()) {
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

    /**
     * The Data Vault integrity checks every project gets: hub and link keys unique, link foreign
     * keys present in their hubs, satellite keys present in their parent, one satellite row per
     * key and load time.
     */
    public ImmutableList<DataTest> integrityTests()
    {
        ImmutableList.Builder<DataTest> tests = ImmutableList.builder();
        for (Model model : project.inBuildOrder()) {
            TableName target = project.tableName(model);
            switch (model) {
                case Hub hub -> tests.add(unique(hub, target, List.of(hub.hashKey()), "every hash key of the hub appears once"));
                case Link link -> {
                    tests.add(unique(link, target, List.of(link.hashKey()), "every hash key of the link appears once"));
                    for (ForeignKey foreignKey : link.foreignKeys()) {
                        Hub hub = project.model(foreignKey.hub(), Hub.class);
                        tests.add(relationship(link, target, foreignKey.column(), hub, hub.hashKey()));
                    }
                }
                case Satellite satellite -> {
                    String parentKey = parentKey(satellite);
                    List<String> unique = new ArrayList<>();
                    unique.add(parentKey);
                    unique.addAll(satellite.childKeys());
                    unique.add(StandardColumns.LOAD_DATETIME);
                    tests.add(unique(satellite, target, unique, "one row per key and load_datetime"));
                    tests.add(relationship(satellite, target, parentKey, project.model(satellite.parent()), parentKey));
                }
                case Pit pit -> tests.add(unique(pit, target, List.of(project.model(pit.parent()) instanceof Link link ? link.hashKey() : project.model(pit.parent(), Hub.class).hashKey(), SnapshotControl.SNAPSHOT_DATETIME),
                        "one row per key and snapshot"));
                case SnapshotControl control -> tests.add(unique(control, target, List.of(SnapshotControl.SNAPSHOT_DATETIME), "every snapshot appears once"));
                default -> {}
            }
        }
        return tests.build();
    }

    private DataTest unique(Model model, TableName target, List<String> columns, String description)
    {
        String name = model.name() + ".unique(" + String.join(", ", columns) + ")";
        return new DataTest(name, model.name(), description, templates.render("test_unique.ftl", Map.of(
                "name", name, "description", description, "target", target, "columns", columns)));
    }

    private DataTest relationship(Model model, TableName target, String column, Model parent, String parentColumn)
    {
        String name = model.name() + "." + column + " in " + parent.name();
        String description = "every " + column + " of " + model.name() + " is a key of " + parent.name();
        return new DataTest(name, model.name(), description, templates.render("test_relationship.ftl", Map.of(
                "name", name,
                "description", description,
                "child", target,
                "childColumn", column,
                "parent", project.tableName(parent),
                "parentColumn", parentColumn)));
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
