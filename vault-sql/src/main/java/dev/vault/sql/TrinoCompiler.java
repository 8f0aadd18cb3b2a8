package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.Column;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Project;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.TableName;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.seed.Seed;
import dev.vault.sql.kind.BridgeCompiler;
import dev.vault.sql.kind.ColumnDocs;
import dev.vault.sql.kind.CompileContext;
import dev.vault.sql.kind.CompiledModel;
import dev.vault.sql.kind.DataTestCompiler;
import dev.vault.sql.kind.EffectivitySatelliteCompiler;
import dev.vault.sql.kind.HubCompiler;
import dev.vault.sql.kind.IdentityHubCompiler;
import dev.vault.sql.kind.LinkCompiler;
import dev.vault.sql.kind.MartCompiler;
import dev.vault.sql.kind.ModelHeader;
import dev.vault.sql.kind.MultiActiveSatelliteCompiler;
import dev.vault.sql.kind.PitCompiler;
import dev.vault.sql.kind.ReconciliationCompiler;
import dev.vault.sql.kind.RecordTrackingSatelliteCompiler;
import dev.vault.sql.kind.ReferenceTableCompiler;
import dev.vault.sql.kind.SatelliteCompiler;
import dev.vault.sql.kind.SeedCompiler;
import dev.vault.sql.kind.SnapshotControlCompiler;
import dev.vault.sql.kind.StageCompiler;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Compiles a project's models into a {@link Plan} of Trino SQL for the Iceberg connector. Each
 * entity kind has its own compiler in {@code dev.vault.sql.kind} and its templates under
 * {@code templates/trino/}; this class only chooses which, and assembles the plan.
 */
public final class TrinoCompiler
{
    /** The mark before the fingerprint in a table comment. */
    public static final String FINGERPRINT_MARK = Guard.FINGERPRINT_MARK;
    private static final Pattern STATEMENT_FINGERPRINT = Pattern.compile(Pattern.quote(FINGERPRINT_MARK) + "([0-9a-f]+)'");

    private final Project project;
    private final Templates templates = new Templates("trino");
    private final CompileContext context;
    private final StageCompiler stages;
    private final HubCompiler hubs;
    private final IdentityHubCompiler identityHubs;
    private final LinkCompiler links;
    private final SatelliteCompiler satellites;
    private final MultiActiveSatelliteCompiler multiActiveSatellites;
    private final EffectivitySatelliteCompiler effectivitySatellites;
    private final RecordTrackingSatelliteCompiler recordTrackingSatellites;
    private final ReferenceTableCompiler referenceTables;
    private final MartCompiler marts;
    private final SnapshotControlCompiler snapshotControls;
    private final PitCompiler pits;
    private final BridgeCompiler bridges;

    public TrinoCompiler(Project project)
    {
        this.project = requireNonNull(project, "project is null");
        this.context = new CompileContext(project, templates);
        this.stages = new StageCompiler(context);
        this.hubs = new HubCompiler(context);
        this.identityHubs = new IdentityHubCompiler(context);
        this.links = new LinkCompiler(context);
        this.satellites = new SatelliteCompiler(context);
        this.multiActiveSatellites = new MultiActiveSatelliteCompiler(context);
        this.effectivitySatellites = new EffectivitySatelliteCompiler(context);
        this.recordTrackingSatellites = new RecordTrackingSatelliteCompiler(context);
        this.referenceTables = new ReferenceTableCompiler(context);
        this.marts = new MartCompiler(context);
        this.snapshotControls = new SnapshotControlCompiler(context);
        this.pits = new PitCompiler(context);
        this.bridges = new BridgeCompiler(context);
    }

    public Plan compile()
    {
        Set<String> schemas = new LinkedHashSet<>();
        Map<String, ModelPlan> models = new LinkedHashMap<>();
        for (Model model : project.inBuildOrder()) {
            TableName target = project.tableName(model);
            // a deferred model's schema is another environment's: this run writes nothing there
            if (!(model instanceof Source) && !project.deferred().containsKey(model.name())) {
                schemas.add(target.schema());
            }
            CompiledModel compiled = compile(model, target);
            models.put(model.name(), new ModelPlan(model, target, compiled.steps(), compiled.table(), ModelPlan.TargetQueries.of(target)));
        }
        if (!models.isEmpty()) {
            // the run lock is a table in the silver schema: a project of marts alone needs it too
            schemas.add(project.config().schema(Layer.SILVER));
        }
        ImmutableList.Builder<Statement> schemaStatements = ImmutableList.builder();
        schemas.forEach(schema -> schemaStatements.add(schema(schema)));
        if (project.models().values().stream().anyMatch(context::writesRejectedRows)) {
            // created up front, before models load in parallel and write to it
            TableName rejected = rejectedTable();
            schemaStatements.add(new Statement("", Statement.Kind.CREATE_TABLE, rejected, templates.render("rejected_table.ftl", Map.of(
                    "model", new ModelHeader("project", project.config().name(), ProjectConfig.FILE_NAME),
                    "target", rejected,
                    "description", "Rows vault left out of a load, with the reason (vault project " + project.config().name() + ")"))));
        }
        return new Plan(schemaStatements.build(), ImmutableMap.copyOf(models));
    }

    private CompiledModel compile(Model model, TableName target)
    {
        return switch (model) {
            case Source ignored -> CompiledModel.of(ImmutableList.of());
            case Stage stage -> stages.compile(stage, target);
            case Hub hub when hub.identity() -> identityHubs.compile(hub, target);
            case Hub hub -> hubs.compile(hub, target);
            case Link link -> links.compile(link, target);
            case Satellite satellite -> switch (satellite.kind()) {
                case MULTI_ACTIVE_SATELLITE -> multiActiveSatellites.compile(satellite, target);
                case EFFECTIVITY_SATELLITE -> effectivitySatellites.compile(satellite, target);
                case RECORD_TRACKING_SATELLITE -> recordTrackingSatellites.compile(satellite, target);
                default -> satellites.compile(satellite, target);
            };
            case ReferenceTable reference -> referenceTables.compile(reference, target);
            case Mart mart -> marts.compile(mart, target);
            case SnapshotControl control -> snapshotControls.compile(control, target);
            case Pit pit -> pits.compile(pit, target);
            case Bridge bridge -> bridges.compile(bridge, target);
        };
    }

    private Statement schema(String schema)
    {
        return new Statement("", Statement.Kind.SCHEMA, new TableName(project.config().catalog(), schema, "_schema"),
                templates.render("schema.ftl", Map.of("catalog", project.config().catalog(), "schema", schema)));
    }

    /** CREATE SCHEMA for the bronze schema, needed before seeding. */
    public Statement bronzeSchema()
    {
        return schema(project.config().schema(Layer.BRONZE));
    }

    /**
     * The columns of a model's table or view and what each holds, for documentation: a source's
     * as declared, a stage's view columns, the columns a vault table is created with. Empty for a
     * mart: its columns are whatever its query selects.
     */
    public ImmutableList<Column> columns(Model model)
    {
        ColumnDocs docs = new ColumnDocs(project);
        return switch (model) {
            case Source source -> source.columns();
            case Stage stage -> docs.stageColumns(stage);
            case Mart ignored -> ImmutableList.of();
            default -> compile(model, project.tableName(model)).table()
                    .map(table -> docs.tableColumns(model, table))
                    .orElse(ImmutableList.of());
        };
    }

    /** The SQL that resolves the persons of an identity hub; the plan carries it as {@link Step.ResolveIdentities}. */
    public IdentityResolutionSql identityResolution(Hub hub)
    {
        return context.identityResolution(hub);
    }

    /** Where loads record the rows they leave out: one table per project, in the silver schema. */
    public TableName rejectedTable()
    {
        return context.rejectedTable();
    }

    /** Replaces a source table with the seed's rows; skipped by the runner when the fingerprint matches. */
    public Statement seed(Seed seed)
    {
        return new SeedCompiler(context).seed(seed);
    }

    /** Every data test of the project: the built-in integrity checks, then the tests written in the models' YAML. */
    public ImmutableList<DataTest> dataTests()
    {
        return new DataTestCompiler(context).dataTests();
    }

    /** The Data Vault integrity checks every project gets (see {@link DataTestCompiler#integrityTests}). */
    public ImmutableList<DataTest> integrityTests()
    {
        return new DataTestCompiler(context).integrityTests();
    }

    /** The tests written in the models' YAML ({@code tests:}), model by model in build order. */
    public ImmutableList<DataTest> declaredTests()
    {
        return new DataTestCompiler(context).declaredTests();
    }

    /** One query per hub, link and satellite and each of its stages that accounts for every staged row. */
    public ImmutableList<ReconciliationQuery> reconciliations()
    {
        return new ReconciliationCompiler(context).reconciliations();
    }

    /** The fingerprint a seed, load or mart statement writes into its table comment. */
    public static Optional<String> fingerprint(String tableComment)
    {
        return Guard.recorded(tableComment);
    }

    public static Optional<String> fingerprint(Statement statement)
    {
        Matcher matcher = STATEMENT_FINGERPRINT.matcher(statement.sql());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static ModelHeader header(Model model)
    {
        return CompileContext.header(model);
    }
}
