package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.LoadingSettings;
import dev.vault.sql.DataTest;
import dev.vault.sql.SqlText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The data tests of a project: the Data Vault integrity checks every model kind gets, and the
 * tests written in the models' YAML ({@code test_*.ftl}).
 */
public final class DataTestCompiler
{
    private final CompileContext context;

    public DataTestCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
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
        for (Model model : context.project().inBuildOrder()) {
            TableName target = context.project().tableName(model);
            switch (model) {
                case Hub hub -> {
                    tests.add(unique(hub, target, List.of(hub.hashKey()), "every hash key of the hub appears once"));
                    tests.add(businessKey(hub, target));
                }
                case Link link -> {
                    tests.add(unique(link, target, List.of(link.hashKey()), "every hash key of the link appears once"));
                    for (ForeignKey foreignKey : link.foreignKeys()) {
                        Hub hub = context.project().model(foreignKey.hub(), Hub.class);
                        tests.add(relationship(link, target, foreignKey.column(), hub, hub.hashKey()));
                    }
                }
                case Satellite satellite -> {
                    String parentKey = context.parentKey(satellite);
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
                    tests.add(relationship(satellite, target, parentKey, context.project().model(satellite.parent()), parentKey));
                    if (satellite.kind() == ModelKind.SATELLITE) {
                        tests.add(hashdiffChanges(satellite, target, keys));
                    }
                    if (satellite.hasPayload() && context.project().config().loading().ghostRecords()) {
                        tests.add(ghostRecord(satellite, target));
                    }
                    if (satellite.hasPayload() && context.conflicts(satellite) == LoadingSettings.Conflicts.SET_ASIDE) {
                        tests.add(noConflictingPayloads(satellite, new SatelliteParts(context).conflictRule(satellite)));
                    }
                }
                case ReferenceTable reference -> {
                    List<String> unique = new ArrayList<>(reference.keys());
                    unique.add(StandardColumns.LOAD_DATETIME);
                    tests.add(unique(reference, target, unique, "one row per code and load_datetime"));
                    if (context.conflicts(reference) == LoadingSettings.Conflicts.SET_ASIDE) {
                        tests.add(noConflictingPayloads(reference, ReferenceTableCompiler.conflictRule(reference)));
                    }
                }
                case Pit pit -> tests.add(unique(pit, target, List.of(context.project().model(pit.parent()) instanceof Link link ? link.hashKey() : context.project().model(pit.parent(), Hub.class).hashKey(), SnapshotControl.SNAPSHOT_DATETIME),
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
        for (Model model : context.project().inBuildOrder()) {
            for (DeclaredTest test : context.project().tests(model.name())) {
                tests.add(declared(model, context.project().tableName(model), test));
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
                values.put("parent", context.project().refTable(to));
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
        return new DataTest(name, model.name(), description, test.severity(), context.render(template, values));
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
        return new DataTest(name, model.name(), description, context.render("test_unique.ftl", Map.of(
                "name", name, "description", description, "target", target, "columns", columns, "where", "", "skipNulls", false)));
    }

    private DataTest businessKey(Hub hub, TableName target)
    {
        String name = hub.name() + ".business_key_not_null(" + String.join(", ", hub.businessKeys()) + ")";
        String description = "every row of the hub but the zero key has a business key";
        return new DataTest(name, hub.name(), description, context.render("test_business_key.ftl", Map.of(
                "name", name,
                "description", description,
                "target", target,
                "hashKey", hub.hashKey(),
                "businessKeys", hub.businessKeys(),
                "zeroKey", context.project().config().hashing().zeroKey())));
    }

    private DataTest hashdiffChanges(Satellite satellite, TableName target, List<String> keys)
    {
        String name = satellite.name() + ".hashdiff_changes(" + String.join(", ", keys) + ")";
        String description = "no row of a key repeats the hashdiff of the key's previous row";
        return new DataTest(name, satellite.name(), description, context.render("test_hashdiff_changes.ftl", Map.of(
                "name", name,
                "description", description,
                "target", target,
                "keys", keys,
                "loadDatetime", StandardColumns.LOAD_DATETIME,
                "hashdiff", satellite.hashdiff())));
    }

    /**
     * The staged rows a load leaves out now for a payload conflict (set aside in the rejected
     * table), one row each: a conflict is reported until a newer row for its key resolves it.
     * Its severity is {@code loading: conflicts-severity} (warn by default: the rest loaded).
     */
    private DataTest noConflictingPayloads(Model model, ConflictRule rule)
    {
        String name = model.name() + ".no_conflicting_payloads";
        String description = "no staged rows set aside for different payloads at one key and load time (loading: conflicts: set-aside)";
        return new DataTest(name, model.name(), description, context.project().config().loading().conflictsSeverity(),
                context.conflictsReport(rule, name, description));
    }

    private DataTest ghostRecord(Satellite satellite, TableName target)
    {
        String name = satellite.name() + ".ghost_record";
        String description = "the satellite holds its ghost record exactly once";
        Map<String, Object> data = new HashMap<>(context.loadSettings());
        data.putAll(Map.of("name", name, "description", description, "target", target, "parentKey", context.parentKey(satellite)));
        return new DataTest(name, satellite.name(), description, context.render("test_ghost_record.ftl", data));
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
                "parent", context.project().tableName(parent),
                "parentColumn", parentColumn,
                "where", ""));
        if (model instanceof Satellite satellite && satellite.hasPayload() && context.project().config().loading().ghostRecords()) {
            // the ghost record's zero key has no parent row, by design
            data.put("ghost", context.loadSettings());
        }
        return new DataTest(name, model.name(), description, context.render("test_relationship.ftl", data));
    }
}
