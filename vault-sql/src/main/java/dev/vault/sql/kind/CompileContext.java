package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.GhostRecord;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.LoadingSettings;
import dev.vault.sql.Guard;
import dev.vault.sql.IdentityResolutionSql;
import dev.vault.sql.IncrementalSource;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.Step;
import dev.vault.sql.TableDefinition;
import dev.vault.sql.Templates;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What the compilers of every entity kind share: the project, the templates, and the pieces
 * several kinds write alike (table DDL, load columns, rejected rows, {@code ref()} resolution,
 * the inputs that guard a load).
 */
public final class CompileContext
{
    /** How the reason of every row set aside for a payload conflict starts. */
    public static final String CONFLICT_REASON = "different payloads";

    private final Project project;
    private final Templates templates;

    public CompileContext(Project project, Templates templates)
    {
        this.project = requireNonNull(project, "project is null");
        this.templates = requireNonNull(templates, "templates is null");
    }

    public Project project()
    {
        return project;
    }

    public String render(String template, Map<String, Object> data)
    {
        return templates.render(template, data);
    }

    /** Which model a statement comes from and where it is written, for the header comment of every statement. */
    public static ModelHeader header(Model model)
    {
        return ModelHeader.of(model);
    }

    /** A table's description: the model's own, then where vault made it from. */
    public static String describe(Model model)
    {
        String description = model.description().strip().replaceAll("\\s+", " ");
        String origin = "vault %s %s, %s".formatted(model.kind().displayName(), model.name(), model.location());
        return description.isEmpty() ? origin : description + " (" + origin + ")";
    }

    /** The CREATE TABLE of a model's table, with the spec of the columns it declares. */
    public TableSql createTable(Model model, TableName target, List<ColumnSpec> columns, List<String> partitioning, List<String> sortedBy)
    {
        TableDefinition definition = new TableDefinition(columns.stream().map(ColumnSpec::definition).collect(ImmutableList.toImmutableList()));
        return new TableSql(templates.render("table.ftl", Map.of(
                "model", header(model),
                "target", target,
                "columns", columns,
                "description", describe(model),
                "partitioning", partitioning,
                "sortedBy", sortedBy)), definition);
    }

    public static void addLoadColumns(List<ColumnSpec> columns)
    {
        columns.add(ColumnSpec.of(StandardColumns.LOAD_DATETIME, TrinoDialect.LOAD_DATETIME_TYPE, true, "When the row's source data landed in bronze"));
        columns.add(ColumnSpec.of(StandardColumns.RECORD_SOURCE, "varchar", true, "Source system of the row"));
    }

    public static String bucket(String column, int buckets)
    {
        return "bucket(" + column + ", " + buckets + ")";
    }

    /** The columns a stage's view has and their types. */
    public Map<String, String> staged(String stage)
    {
        return project.stagedColumns(project.model(stage, Stage.class));
    }

    public List<TableName> tables(List<String> models)
    {
        return models.stream().map(project::model).map(project::tableName).toList();
    }

    /** The stages a load reads; with an identity hub, each joined to the hub's resolved view. */
    public List<Map<String, Object>> sources(List<String> stages, Optional<Hub> identityHub)
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

    public IdentityResolutionSql identityResolution(Hub hub)
    {
        return new IdentityResolutionSql(project, hub, templates);
    }

    public boolean isIdentityHub(String model)
    {
        return project.model(model) instanceof Hub hub && hub.identity();
    }

    public String parentKey(Satellite satellite)
    {
        return switch (project.model(satellite.parent())) {
            case Hub hub -> hub.hashKey();
            case Link link -> link.hashKey();
            default -> throw new IllegalStateException("satellite parent is not a hub or link: " + satellite.parent());
        };
    }

    public static List<String> linkKeys(Link link)
    {
        List<String> keys = new ArrayList<>();
        keys.add(link.hashKey());
        link.foreignKeys().forEach(key -> keys.add(key.column()));
        return keys;
    }

    /** The zero key, the end of time and the ghost record's values, for the templates that need them. */
    public Map<String, Object> loadSettings()
    {
        return Map.of(
                "zeroKey", project.config().hashing().zeroKey(),
                "endOfTime", project.config().loading().endOfTime(),
                "ghostRecordSource", GhostRecord.RECORD_SOURCE,
                "ghostLoadDatetime", "TIMESTAMP '" + GhostRecord.LOAD_DATETIME + "'");
    }

    /**
     * Whether a model's load leaves out the staged rows whose key is the zero key (a null or blank
     * business key) and records them in the rejected table: hubs and links with null-keys: reject;
     * satellites and multi-active satellites always, since a row without its parent's key
     * describes nothing (and two of them in one batch would be two payloads for one key);
     * reference tables always, for rows with a null or blank code (codes are not hashed, and a
     * null code would never match its own latest row, so every run would insert it again).
     */
    public boolean rejects(Model model)
    {
        return switch (model) {
            case Hub hub -> rejectsNullKeys() && !hub.identity();
            case Link link -> rejectsNullKeys() && link.foreignKeys().stream().noneMatch(key -> isIdentityHub(key.hub()));
            case Satellite satellite -> (satellite.kind() == ModelKind.SATELLITE || satellite.kind() == ModelKind.MULTI_ACTIVE_SATELLITE)
                    && !isIdentityHub(satellite.parent());
            case ReferenceTable ignored -> true;
            default -> false;
        };
    }

    /**
     * Whether a model's loads write to {@link #rejectedTable()}: rows it rejects, or payload
     * conflicts it sets aside (which an identity hub's satellites do too, though they reject nothing).
     */
    public boolean writesRejectedRows(Model model)
    {
        return rejects(model) || switch (model) {
            case Satellite satellite -> satellite.hasPayload() && conflicts(satellite) == LoadingSettings.Conflicts.SET_ASIDE;
            case ReferenceTable reference -> conflicts(reference) == LoadingSettings.Conflicts.SET_ASIDE;
            default -> false;
        };
    }

    private boolean rejectsNullKeys()
    {
        return project.config().loading().nullKeys() == LoadingSettings.NullKeys.REJECT;
    }

    /** Where loads record the rows they leave out: one table per project, in the silver schema. */
    public TableName rejectedTable()
    {
        return new TableName(project.config().catalog(), project.config().schema(Layer.SILVER), "vault_rejected_rows");
    }

    /** The reject keys a load template filters on, when the model rejects rows. */
    public Optional<Map<String, Object>> rejectKeys(Model model, List<String> columns)
    {
        return rejects(model) ? Optional.of(Map.of("zeroKey", project.config().hashing().zeroKey(), "columns", columns)) : Optional.empty();
    }

    /** The statement that records the staged rows a model's load leaves out, with the reason. */
    public Statement rejectStatement(Model model, List<String> stages, List<String> keys)
    {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String name : stages) {
            Stage stage = project.model(name, Stage.class);
            Source source = project.model(stage.source(), Source.class);
            sources.add(Map.of(
                    "name", stage.name(),
                    "table", project.tableName(stage),
                    "columns", sourceColumns(source)));
        }
        String what = switch (model) {
            case Hub hub -> "business key " + String.join(", ", hub.businessKeys());
            case Link link -> "a business key of " + link.foreignKeys().stream().map(ForeignKey::hub).collect(Collectors.joining(", "));
            case ReferenceTable reference -> "code " + String.join(", ", reference.keys());
            case Satellite satellite -> "the business key of parent " + satellite.parent();
            default -> throw new IllegalArgumentException("a " + model.kind().displayName() + " rejects no rows: " + model.name());
        };
        String reason = switch (model) {
            case Satellite ignored -> what + " is null or blank: a satellite row needs its parent's key";
            case ReferenceTable ignored -> what + " is null or blank: a reference row needs its code";
            default -> what + " is null or blank (loading: null-keys: reject)";
        };
        return new Statement(model.name(), Statement.Kind.REJECT, rejectedTable(), templates.render("reject.ftl", Map.of(
                "model", header(model),
                "rejected", rejectedTable(),
                "sources", sources,
                "keys", keys,
                // reference codes are not hashed: a null or blank code is what a zero key is elsewhere
                "codes", model instanceof ReferenceTable,
                "zeroKey", project.config().hashing().zeroKey(),
                "reason", reason)));
    }

    /** What a model does with different payloads for one key at one load time: its own setting, else the project's. */
    public LoadingSettings.Conflicts conflicts(Model model)
    {
        Optional<LoadingSettings.Conflicts> own = switch (model) {
            case Satellite satellite -> satellite.conflicts();
            case ReferenceTable reference -> reference.conflicts();
            default -> Optional.empty();
        };
        return own.orElse(project.config().loading().conflicts());
    }

    /** The {@code conflicts} a load template branches on: {@code fail} or {@code set-aside}. */
    public String conflictsSetting(Model model)
    {
        return conflicts(model) == LoadingSettings.Conflicts.FAIL ? "fail" : "set-aside";
    }

    /**
     * The business key columns behind a hash key in a stage, which a conflict's message and
     * rejected row name (a person knows customer 42, not its hash). A person key of an identity
     * hub, which the stage does not hash, is named by the columns of the source record.
     */
    public ImmutableList<String> businessKey(String stage, String hashKey)
    {
        Stage model = project.model(stage, Stage.class);
        return model.hashKey(hashKey)
                .map(HashedColumn::columns)
                .or(() -> model.identity().map(StageIdentity::recordKey))
                .orElse(ImmutableList.of(hashKey));
    }

    /** The statement that records a model's payload conflicts in the rejected table, before its load leaves them out. */
    public Statement conflictsStatement(ConflictRule rule)
    {
        return new Statement(rule.model().name(), Statement.Kind.CONFLICTS, rejectedTable(),
                templates.render("reject_conflicts.ftl", conflictsData(rule, false)));
    }

    /** A query of the conflicts a model's load leaves out now, for the built-in data test. */
    public String conflictsReport(ConflictRule rule, String name, String description)
    {
        Map<String, Object> data = conflictsData(rule, true);
        data.put("name", name);
        data.put("description", description);
        return templates.render("reject_conflicts.ftl", data);
    }

    private Map<String, Object> conflictsData(ConflictRule rule, boolean report)
    {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String name : rule.stages()) {
            Stage stage = project.model(name, Stage.class);
            Map<String, Object> source = new HashMap<>(Map.of(
                    "name", stage.name(),
                    "table", project.tableName(stage),
                    "columns", sourceColumns(project.model(stage.source(), Source.class)),
                    "businessKey", rule.codes() ? rule.keys() : businessKey(name, rule.parentKey())));
            rule.identityHub().ifPresent(hub -> source.put("resolved", identityResolution(hub).resolvedView()));
            sources.add(source);
        }
        String what = rule.rowKeys().isEmpty() ? "key" : "multi-active key (" + String.join(", ", rule.rowKeys()) + ")";
        Map<String, Object> data = new HashMap<>(Map.of(
                "model", header(rule.model()),
                "rejected", rejectedTable(),
                "target", project.tableName(rule.model()),
                "sources", sources,
                "keys", rule.keys(),
                "rowKeys", rule.rowKeys(),
                "parentKey", rule.parentKey(),
                "hashdiff", rule.hashdiff(),
                "diffColumns", rule.diffColumns(),
                "codes", rule.codes()));
        data.putAll(Map.of(
                "zeroKey", project.config().hashing().zeroKey(),
                "hashing", Map.of("function", TrinoDialect.hashFunction(project.config().hashing().algorithm())),
                "report", report,
                "reasonPrefix", CONFLICT_REASON + " for one " + what + " at one load_datetime: ",
                "reasonSuffix", rule.rowKeys().isEmpty()
                        ? ": set aside until a newer row for the key arrives (loading: conflicts: set-aside)"
                        : ": the key's whole set at this load_datetime is set aside until a newer set arrives (loading: conflicts: set-aside)"));
        return data;
    }

    /** A source's columns with their types, as the reject and reconciliation templates list them. */
    public static List<Map<String, String>> sourceColumns(Source source)
    {
        return source.columns().stream().map(column -> Map.of("name", column.name(), "type", column.type())).toList();
    }

    /** A mart's query with its refs resolved to tables. */
    public String query(Mart mart)
    {
        Matcher matcher = Mart.REF.matcher(mart.sql());
        StringBuilder query = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(query, Matcher.quoteReplacement(SqlText.table(project.refTable(matcher.group(1)))));
        }
        matcher.appendTail(query);
        return query.toString().strip().replaceFirst(";\\s*$", "");
    }

    /**
     * The Iceberg tables a model's content depends on: every table among its ancestors (views are
     * looked through, since their own inputs are ancestors too).
     */
    public ImmutableList<TableName> inputs(Model target)
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

    /**
     * An insert-only load guarded by its inputs: when none of the tables it reads has a new
     * snapshot and its SQL is the same, loading again would insert nothing, so the runner skips
     * it. The fingerprint goes into the table's comment after the statements succeed.
     */
    public ImmutableList<Step> guardedLoad(Model model, TableName target, List<Statement> statements)
    {
        return guardedLoad(model, target, statements, Optional.empty());
    }

    /** A guarded load whose content also depends on the time: {@code clock} answers what is due now (see {@link Guard}). */
    public ImmutableList<Step> guardedLoad(Model model, TableName target, List<Statement> statements, Optional<String> clock)
    {
        String definition = statements.stream().map(Statement::sql).collect(Collectors.joining("\n;\n"));
        Guard inputsOnly = Guard.of(definition, inputs(model), target);
        Guard guard = clock.map(inputsOnly::withClock).orElse(inputsOnly);
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        steps.add(new Step.SkipWhenUnchanged(guard));
        statements.forEach(statement -> steps.add(new Step.Execute(statement)));
        steps.add(new Step.RecordFingerprint(fingerprintComment(model, target, describe(model)), guard, false));
        return steps.build();
    }

    /**
     * A guarded load whose statements read {@code stages} only for rows they have not seen: an
     * insert-only load that is idempotent per staged row (a hub's or link's new keys, a
     * satellite's changes). The runner reads just the rows the stages' sources gained since the
     * last build when only appends reached them, and every row otherwise (see IncrementalSource).
     */
    public ImmutableList<Step> guardedIncrementalLoad(Model model, TableName target, List<Statement> statements, List<String> stages)
    {
        ImmutableList<IncrementalSource> sources = stages.stream()
                .map(stage -> new StageCompiler(this).incremental(project.model(stage, Stage.class)))
                .collect(ImmutableList.toImmutableList());
        ImmutableList.Builder<TableName> watch = ImmutableList.builder();
        ImmutableList.Builder<TableName> recordMaps = ImmutableList.builder();
        // the runner finds the records a batch brings by their identity_record: every stage must stage one
        boolean recordsStaged = stages.stream().allMatch(stage -> project.model(stage, Stage.class).identity().isPresent());
        for (String ancestor : project.graph().ancestors(model.name())) {
            if (project.model(ancestor) instanceof Hub hub && hub.identity()) {
                // a merge moves old records to another person: read in full; a record mapped since must have its rows in the batch
                IdentityResolutionSql identity = identityResolution(hub);
                watch.add(identity.sameAsTable());
                (recordsStaged ? recordMaps : watch).add(identity.recordsTable());
            }
        }
        ImmutableList<TableName> watched = watch.build();
        ImmutableList<TableName> maps = recordMaps.build();
        return guardedLoad(model, target, statements).stream()
                .map(step -> switch (step) {
                    case Step.SkipWhenUnchanged(Guard guard) -> new Step.SkipWhenUnchanged(guard.withIncremental(sources, watched, maps));
                    case Step.RecordFingerprint(Statement comment, Guard guard, boolean recompute) -> new Step.RecordFingerprint(comment, guard.withIncremental(sources, watched, maps), recompute);
                    default -> step;
                })
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * A view re-created only when its definition changed: the view's comment carries the
     * fingerprint of its statement (which holds every name it reads), written by the same
     * statement. A view stores no data, so no input snapshot matters; an unchanged view is left
     * alone, which saves a metadata commit per view and run.
     */
    public static ImmutableList<Step> guardedView(TableName target, Statement view)
    {
        return ImmutableList.of(new Step.SkipWhenUnchanged(Guard.of(view.sql(), ImmutableList.of(), target)), new Step.Execute(view));
    }

    /** What a view's comment says: the model's description and the fingerprint slot {@link #guardedView} fills. */
    public static String viewComment(Model model)
    {
        return SqlText.literal(describe(model) + Guard.FINGERPRINT_MARK + Guard.FINGERPRINT_SLOT);
    }

    /** The statement that records a build's fingerprint in its table's comment, after the table's description. */
    public static Statement fingerprintComment(Model model, TableName target, String description)
    {
        return new Statement(model.name(), Statement.Kind.COMMENT, target,
                "COMMENT ON TABLE " + SqlText.table(target) + " IS " + SqlText.literal(description + Guard.FINGERPRINT_MARK + Guard.FINGERPRINT_SLOT));
    }

    public static ImmutableList<Step> execute(List<Statement> statements)
    {
        return statements.stream().map(Step.Execute::new).collect(ImmutableList.toImmutableList());
    }
}
