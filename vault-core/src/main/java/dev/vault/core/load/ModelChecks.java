package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StandardColumns;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What every model kind's checks share: the models, where their values are written, the problems
 * found so far, the dialect, and the look-ups that report a missing or mistyped name at its line.
 */
abstract class ModelChecks
{
    // columns every staging view gets, whatever the model says
    static final ImmutableSet<String> RESERVED_STAGE_COLUMNS = ImmutableSet.of(StandardColumns.LOAD_DATETIME, StandardColumns.RECORD_SOURCE);

    final Map<String, Model> models;
    final LocationIndex index;
    final Problems problems;
    final SqlDialect dialect;
    // stages whose source is missing: already reported, so models reading them are not checked against their columns
    final Set<String> unresolvedStages;

    ModelChecks(Map<String, Model> models, LocationIndex index, Problems problems, SqlDialect dialect)
    {
        this.models = requireNonNull(models, "models is null");
        this.index = requireNonNull(index, "index is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.unresolvedStages = new HashSet<>();
    }

    /** Checks sharing another's state: the same models, problems and unresolved stages. */
    ModelChecks(ModelChecks checks)
    {
        this.models = checks.models;
        this.index = checks.index;
        this.problems = checks.problems;
        this.dialect = checks.dialect;
        this.unresolvedStages = checks.unresolvedStages;
    }

    void checkColumn(Model model, String field, String column, Stage stage, Map<String, String> columns, Map<String, String> types)
    {
        String type = columns.get(column);
        if (type == null) {
            problems.add(at(model, field, column), "unknown column '%s' in '%s' of %s '%s': stage '%s' has no such column%s",
                    column, field, model.kind().displayName(), model.name(), stage.name(), Suggestions.hint(column, columns.keySet()));
            return;
        }
        String previous = types.putIfAbsent(column, type);
        if (previous != null && !previous.equals(type)) {
            problems.add(at(model, field, column), "column '%s' of %s '%s' is %s in stage '%s' but %s in an earlier source; cast it to one type in the stages",
                    column, model.kind().displayName(), model.name(), type, stage.name(), previous);
        }
    }

    void requireIdentity(Model model, Stage stage, String field)
    {
        if (stage.identity().isEmpty()) {
            problems.add(at(model, field, stage.name()), "stage '%s' has no 'identity:' block, which %s '%s' needs to resolve persons; add one naming its record key and its name, email and phone columns",
                    stage.name(), model.kind().displayName(), model.name());
        }
    }

    boolean isIdentityHub(String name)
    {
        return models.get(name) instanceof Hub hub && hub.identity();
    }

    Optional<HashedColumn> hashKey(Model model, Stage stage, String column, String field)
    {
        return hashKey(model, stage, column, field, column);
    }

    Optional<HashedColumn> hashKey(Model model, Stage stage, String column, String field, String value)
    {
        Optional<HashedColumn> key = stage.hashKey(column);
        if (key.isEmpty()) {
            problems.add(at(model, field, value), "stage '%s' has no hash key '%s' (under 'hash-keys:'), which %s '%s' needs%s",
                    stage.name(), column, model.kind().displayName(), model.name(), Suggestions.hint(column, stage.hashKeys().stream().map(HashedColumn::name).toList()));
        }
        return key;
    }

    ImmutableList<Stage> stages(Model model, List<String> names)
    {
        return names.stream()
                .map(name -> reference(model, "sources", name, Stage.class))
                .flatMap(Optional::stream)
                .filter(stage -> !unresolvedStages.contains(stage.name()))
                .collect(ImmutableList.toImmutableList());
    }

    <T extends Model> Optional<T> reference(Model model, String field, String name, Class<T> type)
    {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Model referenced = models.get(name);
        ModelKind expected = kindOf(type);
        if (referenced == null) {
            problems.add(at(model, field, name), "%s '%s' refers to %s '%s', which does not exist%s",
                    model.kind().displayName(), model.name(), expected.displayName(), name, Suggestions.hint(name, namesOf(expected)));
            return Optional.empty();
        }
        if (!type.isInstance(referenced)) {
            problems.add(at(model, field, name), "%s '%s' refers to '%s' under '%s', which is a %s; it must be a %s",
                    model.kind().displayName(), model.name(), name, field, referenced.kind().displayName(), expected.displayName());
            return Optional.empty();
        }
        return Optional.of(type.cast(referenced));
    }

    ImmutableMap<String, String> stagedColumns(Stage stage)
    {
        return models.get(stage.source()) instanceof Source source ? stage.columns(source, dialect) : ImmutableMap.of();
    }

    Set<String> namesOf(ModelKind... kinds)
    {
        Set<ModelKind> wanted = ImmutableSet.copyOf(kinds);
        Set<String> names = new TreeSet<>();
        models.values().stream().filter(model -> wanted.contains(model.kind())).forEach(model -> names.add(model.name()));
        return names;
    }

    static ModelKind kindOf(Class<? extends Model> type)
    {
        if (type == Source.class) {
            return ModelKind.SOURCE;
        }
        if (type == Stage.class) {
            return ModelKind.STAGE;
        }
        if (type == Hub.class) {
            return ModelKind.HUB;
        }
        if (type == Link.class) {
            return ModelKind.LINK;
        }
        if (type == Satellite.class) {
            return ModelKind.SATELLITE;
        }
        if (type == SnapshotControl.class) {
            return ModelKind.SNAPSHOT_CONTROL;
        }
        if (type == Pit.class) {
            return ModelKind.PIT;
        }
        if (type == Bridge.class) {
            return ModelKind.BRIDGE;
        }
        return ModelKind.MART;
    }

    Location at(Model model, String field, String value)
    {
        return index.get(model.name(), field, value, model.location());
    }
}
