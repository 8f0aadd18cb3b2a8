package dev.vault.core.load;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Pit;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StandardColumns;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Checks the data tests of validated models against what the models' tables have: the columns a
 * test names, the model and column a relationship points at, the columns an expression uses. A
 * mart's columns come from its SQL and are known only to the engine, so tests on marts are
 * checked when they run.
 */
final class DataTestValidator
{
    private final Map<String, Model> models;
    private final Problems problems;
    private final SqlDialect dialect;

    DataTestValidator(Map<String, Model> models, Problems problems, SqlDialect dialect)
    {
        this.models = requireNonNull(models, "models is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** Returns the tests with defaults filled in: a relationship's field is the tested column's name unless written. */
    ImmutableListMultimap<String, DeclaredTest> validate(ImmutableListMultimap<String, DeclaredTest> tests)
    {
        ImmutableListMultimap.Builder<String, DeclaredTest> resolved = ImmutableListMultimap.builder();
        for (Map.Entry<String, DeclaredTest> entry : tests.entries()) {
            Model model = models.get(entry.getKey());
            if (model == null) {
                continue; // a model that did not load: its problems are reported already
            }
            resolved.put(model.name(), validate(model, entry.getValue()));
        }
        return resolved.build();
    }

    private DeclaredTest validate(Model model, DeclaredTest test)
    {
        Optional<Set<String>> columns = columns(model);
        String what = "test '%s' of %s '%s'".formatted(test.kind().yamlName(), model.kind().displayName(), model.name());
        columns.ifPresent(available -> {
            for (String column : test.columns()) {
                if (!available.contains(column)) {
                    problems.add(test.location(), "unknown column '%s' in %s%s", column, what, Suggestions.hint(column, available));
                }
            }
            test.expression().ifPresent(sql -> checkReferences(sql, available, test, "the expression of " + what));
            test.where().ifPresent(sql -> checkReferences(sql, available, test, "'where' of " + what));
        });
        if (test.kind() != DeclaredTest.Kind.RELATIONSHIPS || test.to().isEmpty() || test.column().isEmpty()) {
            return test;
        }
        String to = test.to().get();
        String field = test.field().orElse(test.column().get());
        Set<String> auxiliary = auxiliaryTables();
        Model target = models.get(to);
        if (target == null && !auxiliary.contains(to)) {
            Set<String> names = new TreeSet<>(models.keySet());
            names.addAll(auxiliary);
            problems.add(test.location(), "%s refers to '%s' under 'to:', which is not a model%s", what, to, Suggestions.hint(to, names));
        }
        else if (target != null) {
            columns(target).ifPresent(available -> {
                if (!available.contains(field)) {
                    problems.add(test.location(), "%s looks values up in column '%s' of %s '%s', which has no such column%s%s",
                            what, field, target.kind().displayName(), target.name(), Suggestions.hint(field, available),
                            test.field().isEmpty() ? "; name the column with 'field:'" : "");
                }
            });
        }
        return test.withField(field);
    }

    private void checkReferences(String sql, Set<String> available, DeclaredTest test, String what)
    {
        if (dialect.unsafeExpression(sql).isPresent()) {
            return; // reported by the reader
        }
        for (ExpressionReference reference : dialect.columnReferences(sql)) {
            if (!available.contains(reference.name())) {
                problems.add(test.location(), "unknown column '%s' in %s%s", reference.name(), what, Suggestions.hint(reference.name(), available));
            }
        }
    }

    /** The columns of a model's table or view, when vault knows them without asking the engine. */
    private Optional<Set<String>> columns(Model model)
    {
        Set<String> columns = new LinkedHashSet<>();
        switch (model) {
            case Source source -> source.columns().forEach(column -> columns.add(column.name()));
            case Stage stage -> {
                if (!(models.get(stage.source()) instanceof Source source)) {
                    return Optional.empty();
                }
                columns.addAll(stage.columns(source, dialect).keySet());
            }
            case Hub hub -> {
                columns.add(hub.hashKey());
                columns.addAll(hub.businessKeys());
                addLoadColumns(columns);
            }
            case Link link -> {
                columns.add(link.hashKey());
                link.foreignKeys().stream().map(ForeignKey::column).forEach(columns::add);
                addLoadColumns(columns);
                columns.addAll(link.payload());
            }
            case ReferenceTable reference -> {
                columns.addAll(reference.keys());
                addLoadColumns(columns);
                columns.add(ReferenceTable.HASHDIFF);
                columns.addAll(reference.payload());
            }
            case Satellite satellite -> {
                switch (models.get(satellite.parent())) {
                    case Hub hub -> columns.add(hub.hashKey());
                    case Link link -> columns.add(link.hashKey());
                    case null, default -> {
                        return Optional.empty();
                    }
                }
                columns.addAll(satellite.childKeys());
                columns.addAll(satellite.multiActiveKeys());
                addLoadColumns(columns);
                switch (satellite.kind()) {
                    case EFFECTIVITY_SATELLITE -> {
                        if (models.get(satellite.parent()) instanceof Link link) {
                            link.foreignKeys().forEach(key -> columns.add(key.column().isEmpty() && models.get(key.hub()) instanceof Hub hub ? hub.hashKey() : key.column()));
                        }
                        columns.add(Satellite.IS_ACTIVE);
                    }
                    case RECORD_TRACKING_SATELLITE -> columns.add(Satellite.IS_PRESENT);
                    default -> {
                        columns.add(satellite.hashdiff());
                        columns.addAll(satellite.payload());
                    }
                }
            }
            case Mart ignored -> {
                return Optional.empty();
            }
            // query-assistance tables: their columns follow from other models; checked when the tests run
            case SnapshotControl ignored -> {
                return Optional.empty();
            }
            case Pit ignored -> {
                return Optional.empty();
            }
            case Bridge ignored -> {
                return Optional.empty();
            }
        }
        return Optional.of(ImmutableSet.copyOf(columns));
    }

    private static void addLoadColumns(Set<String> columns)
    {
        columns.add(StandardColumns.LOAD_DATETIME);
        columns.add(StandardColumns.RECORD_SOURCE);
    }

    private Set<String> auxiliaryTables()
    {
        Set<String> tables = new TreeSet<>();
        models.values().forEach(model -> {
            if (model instanceof Hub hub) {
                tables.addAll(hub.auxiliaryTables());
            }
        });
        return tables;
    }
}
