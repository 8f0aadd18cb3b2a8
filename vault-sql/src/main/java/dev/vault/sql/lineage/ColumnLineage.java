package dev.vault.sql.lineage;

import com.google.common.collect.ImmutableList;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.model.Column;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.StandardColumns;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.TableDefinition.TableColumn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Where every column of every model comes from: the columns it is computed from one step up
 * (a stage's source column, the stage columns a hash key hashes, the stage column a hub copies),
 * and through them the bronze columns at the end of the chain. Worked out from the models alone,
 * with no engine: stages, hubs, links, satellites and the query assistance tables are vault's own
 * SQL, so their lineage is known by construction; a mart's is read from its query with Trino's
 * SQL parser ({@link MartLineage}), as far as the query lets a parser tell.
 */
public final class ColumnLineage
{
    /** A column of a model (or of a table a model writes besides its own, such as an identity hub's records map). */
    public record ColumnRef(String model, String column)
    {
        public ColumnRef
        {
            requireNonNull(model, "model is null");
            requireNonNull(column, "column is null");
        }

        @Override
        public String toString()
        {
            return model + "." + column;
        }
    }

    /**
     * One column's lineage.
     *
     * @param how what the column holds, as a reader of the docs wants it said: "copied", "derived: lower(email)", "hash key"
     * @param inputs the columns it is computed from, one step up
     * @param bronze the source columns at the end of every path through {@code inputs}
     */
    public record Entry(String column, String how, ImmutableList<ColumnRef> inputs, ImmutableList<ColumnRef> bronze)
    {
        public Entry
        {
            requireNonNull(column, "column is null");
            requireNonNull(how, "how is null");
            inputs = ImmutableList.copyOf(inputs);
            bronze = ImmutableList.copyOf(bronze);
        }
    }

    private record Origin(String how, ImmutableList<ColumnRef> inputs) {}

    private final Project project;
    private final SqlDialect dialect;
    private final Plan plan;
    private final Map<String, Map<String, Origin>> origins = new LinkedHashMap<>();
    private final Map<String, String> unknownMarts = new LinkedHashMap<>();

    private ColumnLineage(Project project, Plan plan)
    {
        this.project = requireNonNull(project, "project is null");
        this.dialect = project.dialect();
        this.plan = requireNonNull(plan, "plan is null");
    }

    /**
     * The lineage of every model's columns, models in build order so a mart sees what it reads; a
     * vault table's columns are those of its compiled table definition in {@code plan}.
     */
    public static ColumnLineage of(Project project, Plan plan)
    {
        ColumnLineage lineage = new ColumnLineage(project, plan);
        for (Model model : project.inBuildOrder()) {
            lineage.origins.put(model.name(), lineage.trace(model));
        }
        return lineage;
    }

    /** The model's columns in table order, each with its inputs and bronze columns; a mart's as far as its query could be read. */
    public ImmutableList<Entry> columns(String model)
    {
        Map<String, Origin> columns = origins.getOrDefault(model, Map.of());
        ImmutableList.Builder<Entry> entries = ImmutableList.builder();
        columns.forEach((column, origin) -> entries.add(new Entry(column, origin.how(), origin.inputs(), bronze(new ColumnRef(model, column)))));
        return entries.build();
    }

    /** Why a mart's columns could not be traced (a query shape the parser reading cannot follow); empty when they were. */
    public Optional<String> untraced(String mart)
    {
        return Optional.ofNullable(unknownMarts.get(mart));
    }

    /** The bronze columns a column is computed from, through every path; a source's column is its own. */
    public ImmutableList<ColumnRef> bronze(ColumnRef column)
    {
        Set<ColumnRef> found = new TreeSet<>((left, right) -> left.toString().compareTo(right.toString()));
        Set<ColumnRef> seen = new HashSet<>();
        Deque<ColumnRef> pending = new ArrayDeque<>(List.of(column));
        while (!pending.isEmpty()) {
            ColumnRef next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (project.models().get(next.model()) instanceof Source) {
                found.add(next);
                continue;
            }
            Origin origin = origins.getOrDefault(next.model(), Map.of()).get(next.column());
            if (origin != null) {
                pending.addAll(origin.inputs());
            }
        }
        return ImmutableList.copyOf(found);
    }

    private Map<String, Origin> trace(Model model)
    {
        return switch (model) {
            case Source source -> source(source);
            case Stage stage -> stage(stage);
            case Mart mart -> mart(mart);
            case Hub hub when hub.identity() -> identityHub(hub);
            default -> byName(model);
        };
    }

    private static Map<String, Origin> source(Source source)
    {
        Map<String, Origin> columns = new LinkedHashMap<>();
        for (Column column : source.columns()) {
            columns.put(column.name(), new Origin("bronze column", ImmutableList.of()));
        }
        return columns;
    }

    private Map<String, Origin> stage(Stage stage)
    {
        Source source = project.model(stage.source(), Source.class);
        Set<String> sourceColumns = new HashSet<>();
        source.columns().forEach(column -> sourceColumns.add(column.name()));
        Map<String, Origin> derived = new LinkedHashMap<>();
        for (DerivedColumn column : stage.derivedColumns()) {
            // a derived column reads the source's columns and the derived columns before it: the stage's own
            derived.put(column.name(), new Origin("derived: " + column.sql().strip().replaceAll("\\s+", " "), references(stage, column.sql(), sourceColumns, derived.keySet())));
        }
        Map<String, Origin> columns = new LinkedHashMap<>();
        for (String column : project.stagedColumns(stage).keySet()) {
            Optional<HashedColumn> hashKey = stage.hashKey(column);
            Optional<HashedColumn> hashdiff = stage.hashdiff(column);
            Origin origin;
            if (derived.containsKey(column)) {
                origin = derived.get(column);
            }
            else if (sourceColumns.contains(column)) {
                origin = new Origin("copied", ImmutableList.of(new ColumnRef(source.name(), column)));
            }
            else if (column.equals(StandardColumns.LOAD_DATETIME)) {
                origin = new Origin("load timestamp, as timestamp(6) with time zone", ImmutableList.of(new ColumnRef(source.name(), source.loadTimestamp())));
            }
            else if (column.equals(StandardColumns.RECORD_SOURCE)) {
                origin = recordSource(stage, stage.recordSource(source), sourceColumns, derived.keySet());
            }
            else if (hashKey.isPresent()) {
                origin = new Origin("hash key of " + String.join(", ", hashKey.get().columns()), stageColumns(stage, hashKey.get().columns()));
            }
            else if (hashdiff.isPresent()) {
                origin = new Origin("hashdiff of " + String.join(", ", hashdiff.get().columns()), stageColumns(stage, hashdiff.get().columns()));
            }
            else {
                origin = stage.identity().map(identity -> identityColumn(stage, identity, column)).orElse(new Origin("vault metadata", ImmutableList.of()));
            }
            columns.put(column, origin);
        }
        stage.identity().ifPresent(identity -> {
            for (StageIdentity.TypedPart part : identity.parts().values()) {
                columns.put(StageIdentity.partColumn(part.name()),
                        new Origin("identity part " + part.name() + ", normalized as " + part.kind().name().toLowerCase(Locale.ROOT), stageColumns(stage, List.of(part.column()))));
            }
            for (IdentityKey key : project.config().identity().keys()) {
                ImmutableList<ColumnRef> inputs = key.labels().stream().map(StageIdentity::columnOf).filter(columns::containsKey).map(part -> new ColumnRef(stage.name(), part)).collect(ImmutableList.toImmutableList());
                columns.put(StageIdentity.KEY_PREFIX + key.name(), new Origin("identity key " + key.name() + " of " + String.join(", ", key.labels()), inputs));
            }
        });
        return columns;
    }

    private Origin identityColumn(Stage stage, StageIdentity identity, String column)
    {
        return switch (column) {
            case StageIdentity.RECORD -> new Origin("identity record: hash of " + String.join(", ", identity.recordKey()), stageColumns(stage, identity.recordKey()));
            case StageIdentity.NAME -> new Origin("identity part name, normalized", stageColumns(stage, identity.name().stream().toList()));
            case StageIdentity.EMAIL -> new Origin("identity part email, normalized", stageColumns(stage, identity.email().stream().toList()));
            case StageIdentity.PHONE -> new Origin("identity part phone, normalized", stageColumns(stage, identity.phone().stream().toList()));
            default -> new Origin("vault metadata", ImmutableList.of());
        };
    }

    private Origin recordSource(Stage stage, RecordSource recordSource, Set<String> sourceColumns, Set<String> derived)
    {
        return switch (recordSource) {
            case RecordSource.Fixed fixed -> new Origin("record source, fixed: " + fixed.value(), ImmutableList.of());
            case RecordSource.FromColumn column -> new Origin("record source", stageColumns(stage, List.of(column.column())));
            case RecordSource.FromSql sql -> new Origin("record source: " + sql.sql().strip(), references(stage, sql.sql(), sourceColumns, derived));
        };
    }

    /** The columns an expression of the stage names: the source's, or the stage's own derived ones. */
    private ImmutableList<ColumnRef> references(Stage stage, String sql, Set<String> sourceColumns, Set<String> derived)
    {
        Set<ColumnRef> inputs = new LinkedHashSet<>();
        for (ExpressionReference reference : dialect.columnReferences(sql)) {
            if (derived.contains(reference.name())) {
                inputs.add(new ColumnRef(stage.name(), reference.name()));
            }
            else if (sourceColumns.contains(reference.name())) {
                inputs.add(new ColumnRef(stage.source(), reference.name()));
            }
        }
        return ImmutableList.copyOf(inputs);
    }

    private static ImmutableList<ColumnRef> stageColumns(Stage stage, List<String> columns)
    {
        return columns.stream().map(column -> new ColumnRef(stage.name(), column)).distinct().collect(ImmutableList.toImmutableList());
    }

    /** A person hub: its key is the resolution of the identity keys of every stage it reads. */
    private Map<String, Origin> identityHub(Hub hub)
    {
        Map<String, Origin> columns = new LinkedHashMap<>();
        Map<String, Origin> byName = byName(hub);
        for (Map.Entry<String, Origin> column : byName.entrySet()) {
            if (column.getKey().equals(hub.hashKey())) {
                List<ColumnRef> inputs = new ArrayList<>();
                for (String stage : hub.sources()) {
                    origins.getOrDefault(stage, Map.of()).keySet().stream()
                            .filter(name -> name.startsWith(StageIdentity.KEY_PREFIX) || name.equals(StageIdentity.RECORD))
                            .forEach(name -> inputs.add(new ColumnRef(stage, name)));
                }
                columns.put(column.getKey(), new Origin("person key: records sharing an identity key are one person, transitively", ImmutableList.copyOf(inputs)));
            }
            else if (column.getKey().equals(Hub.FOUNDING_RECORD)) {
                columns.put(column.getKey(), new Origin("the identity record that founded the person",
                        hub.sources().stream().map(stage -> new ColumnRef(stage, StageIdentity.RECORD)).collect(ImmutableList.toImmutableList())));
            }
            else {
                columns.put(column.getKey(), column.getValue());
            }
        }
        return columns;
    }

    /**
     * A vault table's columns by name: a column its stages have is copied from them (a hub's hash
     * key and business keys, a satellite's payload and hashdiff); one they lack comes from the other
     * models it reads (an identity hub's person key in its satellites, a PIT's hub key); the rest is
     * vault's own bookkeeping (end dates, snapshot dates, status flags).
     */
    private Map<String, Origin> byName(Model model)
    {
        Map<String, Origin> columns = new LinkedHashMap<>();
        List<String> stages = model.dependencies().stream().filter(name -> project.model(name) instanceof Stage).toList();
        List<String> others = model.dependencies().stream().filter(name -> !(project.model(name) instanceof Stage)).toList();
        List<String> tableColumns = Optional.ofNullable(plan.models().get(model.name())).flatMap(ModelPlan::table)
                .map(table -> table.columns().stream().map(TableColumn::name).toList())
                .orElse(List.of());
        for (String name : tableColumns) {
            ImmutableList<ColumnRef> fromStages = withColumn(stages, name);
            if (!fromStages.isEmpty()) {
                columns.put(name, new Origin("copied", fromStages));
                continue;
            }
            ImmutableList<ColumnRef> fromModels = withColumn(others, name);
            if (!fromModels.isEmpty()) {
                columns.put(name, new Origin(model instanceof Satellite ? "parent key" : "copied", fromModels));
                continue;
            }
            if (model instanceof Link link && name.equals(link.hashKey())) {
                // a link whose stage lacks its hash key (a person link) hashes the keys of its hubs itself
                columns.put(name, new Origin("hash key of " + link.foreignKeys().stream().map(ForeignKey::column).collect(Collectors.joining(", ")),
                        link.foreignKeys().stream().map(key -> new ColumnRef(link.name(), key.column())).collect(ImmutableList.toImmutableList())));
                continue;
            }
            columns.put(name, new Origin("vault metadata", ImmutableList.of()));
        }
        return columns;
    }

    private ImmutableList<ColumnRef> withColumn(List<String> models, String column)
    {
        return models.stream()
                .filter(name -> origins.getOrDefault(name, Map.of()).containsKey(column))
                .map(name -> new ColumnRef(name, column))
                .collect(ImmutableList.toImmutableList());
    }

    private Map<String, Origin> mart(Mart mart)
    {
        Map<String, Map<String, ColumnRef>> readable = new LinkedHashMap<>();
        for (String ref : mart.refs()) {
            readable.put(ref, refColumns(ref));
        }
        MartLineage.Result result = MartLineage.trace(mart.sql(), readable);
        Map<String, Origin> columns = new LinkedHashMap<>();
        result.columns().forEach(column -> columns.put(column.name(), new Origin(column.how(), column.inputs())));
        result.untraced().ifPresent(reason -> unknownMarts.put(mart.name(), reason));
        return columns;
    }

    /**
     * The columns a mart can read under a {@code ref()} name, each as the column it is in the
     * lineage: a model's own, a satellite's current view's (the satellite's), or a table a model
     * writes besides its own, whose columns are not known here (looked up lazily by name).
     */
    private Map<String, ColumnRef> refColumns(String ref)
    {
        Map<String, ColumnRef> columns = new LinkedHashMap<>();
        if (origins.containsKey(ref)) {
            origins.get(ref).keySet().forEach(column -> columns.put(column, new ColumnRef(ref, column)));
            return columns;
        }
        for (Model owner : project.models().values()) {
            if (owner.auxiliaryTables().contains(ref)) {
                // a current view has its model's columns; an identity hub's records map and same-as
                // link are not models: their columns end the lineage there, named as the table
                origins.getOrDefault(owner.name(), Map.of()).keySet().forEach(column -> columns.put(column, new ColumnRef(owner.name(), column)));
                columns.put(MartLineage.ANY_COLUMN, new ColumnRef(ref, MartLineage.ANY_COLUMN));
            }
        }
        return columns;
    }
}
