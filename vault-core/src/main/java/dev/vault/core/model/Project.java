package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.load.Suggestions;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.project.ProjectConfig;

import java.util.Map;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A loaded and validated project: its configuration, its models and their DAG.
 *
 * @param tests the data tests written in the models' YAML, by model name
 * @param maintenance each model's maintenance policy (vault.yml's, overridden by the model's own)
 * @param dialect the SQL dialect the project was validated in, which gives its standard columns their types
 * @param deferred models read from another environment's tables ({@code --defer}): by model name,
 *        the table a manifest of that environment names; empty unless deferred
 */
public record Project(
        ProjectConfig config,
        ImmutableMap<String, Model> models,
        ModelGraph graph,
        ImmutableSetMultimap<String, String> tags,
        ImmutableListMultimap<String, DeclaredTest> tests,
        ImmutableMap<String, MaintenancePolicy> maintenance,
        SqlDialect dialect,
        ImmutableMap<String, TableName> deferred)
{
    public Project
    {
        requireNonNull(config, "config is null");
        requireNonNull(models, "models is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(tags, "tags is null");
        requireNonNull(tests, "tests is null");
        requireNonNull(maintenance, "maintenance is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(deferred, "deferred is null");
    }

    public Project(ProjectConfig config, ImmutableMap<String, Model> models, ModelGraph graph, ImmutableSetMultimap<String, String> tags,
            ImmutableListMultimap<String, DeclaredTest> tests, ImmutableMap<String, MaintenancePolicy> maintenance, SqlDialect dialect)
    {
        this(config, models, graph, tags, tests, maintenance, dialect, ImmutableMap.of());
    }

    /**
     * This project with the given models read from other tables: a model deferred is not built
     * here, and every model that reads it reads the table given instead of the target's own.
     */
    public Project withDeferred(Map<String, TableName> tables)
    {
        tables.keySet().forEach(name -> checkArgument(models.containsKey(name), "deferred model %s is not in the project", name));
        return new Project(config, models, graph, tags, tests, maintenance, dialect, ImmutableMap.copyOf(tables));
    }

    /** The data tests written in a model's YAML, in the order written. */
    public ImmutableList<DeclaredTest> tests(String model)
    {
        return tests.get(model);
    }

    /**
     * How {@code vault maintain} keeps a model's tables: vault.yml's {@code maintenance:} with the
     * model's own block over it; empty for models without tables and models left out of maintenance.
     */
    public Optional<MaintenancePolicy> maintenance(String model)
    {
        return Optional.ofNullable(maintenance.get(model));
    }

    /** The same models under another configuration, e.g. {@link ProjectConfig#forTarget} of the target it runs on. */
    public Project withConfig(ProjectConfig config)
    {
        return new Project(config, models, graph, tags, tests, maintenance, dialect, deferred);
    }

    /** The tags of a model, from its {@code tags:} in YAML. */
    public ImmutableSet<String> tags(String model)
    {
        return tags.get(model);
    }

    public Model model(String name)
    {
        Model model = models.get(name);
        if (model == null) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "no model named '%s'%s".formatted(name, Suggestions.hint(name, models.keySet())));
        }
        return model;
    }

    public <T extends Model> T model(String name, Class<T> type)
    {
        return type.cast(model(name));
    }

    public <T extends Model> ImmutableList<T> models(Class<T> type)
    {
        return models.values().stream().filter(type::isInstance).map(type::cast).collect(ImmutableList.toImmutableList());
    }

    /** Models in an order where every model comes after the models it reads. */
    public ImmutableList<Model> inBuildOrder()
    {
        return graph.topologicalOrder().stream().map(models::get).collect(ImmutableList.toImmutableList());
    }

    public TableName tableName(Model model)
    {
        TableName elsewhere = deferred.get(model.name());
        if (elsewhere != null) {
            return elsewhere;
        }
        String catalog = config.catalog();
        return switch (model) {
            case Source source -> new TableName(catalog, source.schema().orElse(config.schema(Layer.BRONZE)), source.table());
            default -> new TableName(catalog, config.schema(model.kind().layer()), model.name());
        };
    }

    /**
     * The table a {@code {{ ref('name') }}} reads: a model's, or one an identity hub writes
     * besides itself (its records map, same-as link, junk keys or resolved view).
     */
    public TableName refTable(String name)
    {
        if (models.containsKey(name)) {
            return tableName(models.get(name));
        }
        for (Model owner : models.values()) {
            if (owner.auxiliaryTables().contains(name)) {
                TableName ownerTable = tableName(owner);
                return new TableName(ownerTable.catalog(), ownerTable.schema(), name);
            }
        }
        return tableName(model(name));
    }

    /** The columns of a staging view, in view order, with their types. */
    public ImmutableMap<String, String> stagedColumns(Stage stage)
    {
        return stage.columns(model(stage.source(), Source.class), dialect);
    }
}
