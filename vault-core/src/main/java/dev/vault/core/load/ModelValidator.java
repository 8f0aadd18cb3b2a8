package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.StandardColumns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Checks what a single file cannot: that every name a model uses (a source, a stage, a hub, a
 * column) exists and fits, and fills in defaults that depend on other models (a link's foreign
 * key columns, a satellite's payload). Problems are reported at the line of the offending value.
 */
final class ModelValidator
{
    private static final ImmutableSet<String> RESERVED_STAGE_COLUMNS = ImmutableSet.of(StandardColumns.LOAD_DATETIME, StandardColumns.RECORD_SOURCE);

    private final Map<String, Model> models;
    private final LocationIndex index;
    private final Problems problems;
    private final SqlDialect dialect;
    // stages whose source is missing: already reported, so models reading them are not checked against their columns
    private final Set<String> unresolvedStages = new HashSet<>();

    ModelValidator(Map<String, Model> models, LocationIndex index, Problems problems, SqlDialect dialect)
    {
        this.models = requireNonNull(models, "models is null");
        this.index = requireNonNull(index, "index is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** Validates every model; returns them with defaults filled in, in the same order. */
    ImmutableMap<String, Model> validate()
    {
        // sources and stages first: what hubs, links and satellites check depends on them
        Map<String, Model> checked = new HashMap<>();
        for (Model model : models.values()) {
            switch (model) {
                case Source source -> checked.put(source.name(), source(source));
                case Stage stage -> checked.put(stage.name(), stage(stage));
                default -> {}
            }
        }
        for (Model model : models.values()) {
            switch (model) {
                case ReferenceTable reference -> checked.put(reference.name(), referenceTable(reference));
                case Hub hub -> checked.put(hub.name(), hub(hub));
                case Link link -> checked.put(link.name(), link(link));
                case Satellite satellite -> checked.put(satellite.name(), satellite(satellite));
                case Mart mart -> checked.put(mart.name(), mart(mart));
                case Pit pit -> checked.put(pit.name(), pit(pit));
                case Bridge bridge -> checked.put(bridge.name(), bridge(bridge));
                case SnapshotControl control -> checked.put(control.name(), control);
                default -> {}
            }
        }
        Map<String, Model> resolved = new LinkedHashMap<>();
        models.keySet().forEach(name -> resolved.put(name, checked.get(name)));
        checkSourceTablesUnique();
        checkAuxiliaryNames();
        return ImmutableMap.copyOf(resolved);
    }

    private Source source(Source source)
    {
        Set<String> names = new HashSet<>();
        source.columns().forEach(column -> {
            if (!names.add(column.name())) {
                problems.add(column.location(), "column '%s' is listed twice in source '%s'", column.name(), source.name());
            }
            if (column.name().equals(StandardColumns.RECORD_SOURCE) && !source.recordSource().equals(new RecordSource.FromColumn(StandardColumns.RECORD_SOURCE))) {
                problems.add(column.location(), "source '%s' has a column named 'record_source', a name vault gives to a column of every staging view; "
                        + "to stage each row with it, say 'record-source: {column: record_source}', else leave it out of 'columns:'", source.name());
            }
            else if (column.name().equals(StandardColumns.LOAD_DATETIME)) {
                problems.add(column.location(), "source '%s' has a column named '%s', a name vault gives to a column of every staging view; "
                        + "leave it out of 'columns:' or expose the table through a view that renames it", source.name(), column.name());
            }
        });
        recordSource(source, names);
        if (source.columns().isEmpty()) {
            problems.add(source.location(), "source '%s' has no columns", source.name());
        }
        if (!source.loadTimestamp().isEmpty()) {
            Location where = at(source, "load-timestamp", source.loadTimestamp());
            source.column(source.loadTimestamp()).ifPresentOrElse(
                    column -> {
                        if (!dialect.typeFamily(column.type()).isTimestamp()) {
                            problems.add(where, "load-timestamp column '%s' of source '%s' is %s; it must be a timestamp, e.g. '%s'",
                                    column.name(), source.name(), column.type(), dialect.loadTimestampType());
                        }
                    },
                    () -> problems.add(where, "source '%s' has no column '%s' for its load-timestamp%s",
                            source.name(), source.loadTimestamp(), Suggestions.hint(source.loadTimestamp(), names)));
        }
        return source;
    }

    /** A record source per row names a column of the source, or is an expression over them. */
    private void recordSource(Source source, Set<String> columns)
    {
        recordSource(source, source.recordSource(), columns, " (a column under 'columns:')", "");
    }

    /**
     * A record source per row names a column the model's rows have, or is a single expression
     * over them; {@code columnWhere} and {@code expressionWhere} tell the user which columns those
     * are, after a column's name or an expression's.
     */
    private void recordSource(Model model, RecordSource recordSource, Set<String> columns, String columnWhere, String expressionWhere)
    {
        String what = model.kind().displayName() + " '" + model.name() + "'";
        switch (recordSource) {
            case RecordSource.Fixed ignored -> {}
            case RecordSource.FromColumn column -> {
                if (!columns.contains(column.column())) {
                    problems.add(at(model, "record-source", column.column()), "%s has no column '%s' for its record-source%s%s",
                            what, column.column(), columnWhere, Suggestions.hint(column.column(), columns));
                }
            }
            case RecordSource.FromSql sql -> {
                Optional<String> unsafe = dialect.unsafeExpression(sql.sql());
                if (sql.sql().isBlank() || unsafe.isPresent()) {
                    problems.add(sql.location(), "'record-source: {sql: ...}' of %s must be a single SQL expression over its columns: %s",
                            what, unsafe.orElse("it is empty"));
                    return;
                }
                for (ExpressionReference reference : dialect.columnReferences(sql.sql())) {
                    if (!columns.contains(reference.name())) {
                        problems.add(sql.location(), "unknown column '%s' in the record-source of %s%s%s",
                                reference.name(), what, expressionWhere, Suggestions.hint(reference.name(), columns));
                    }
                }
            }
        }
    }

    private Stage stage(Stage stage)
    {
        Optional<Source> source = reference(stage, "source", stage.source(), Source.class);
        if (source.isEmpty()) {
            unresolvedStages.add(stage.name());
            return stage;
        }
        Set<String> available = new LinkedHashSet<>();
        source.get().columns().forEach(column -> available.add(column.name()));
        for (DerivedColumn derived : stage.derivedColumns()) {
            Location where = at(stage, "derived-columns", derived.name());
            if (available.contains(derived.name()) || RESERVED_STAGE_COLUMNS.contains(derived.name())) {
                problems.add(derived.location(), "derived column '%s' of stage '%s' has the name of an existing column; give it another name, e.g. '%s_clean'",
                        derived.name(), stage.name(), derived.name());
                continue;
            }
            Optional<String> unsafe = dialect.unsafeExpression(derived.sql());
            if (unsafe.isPresent()) {
                problems.add(where, "derived column '%s' of stage '%s' is not a single SQL expression: %s", derived.name(), stage.name(), unsafe.get());
                available.add(derived.name());
                continue;
            }
            for (ExpressionReference reference : dialect.columnReferences(derived.sql())) {
                if (!available.contains(reference.name())) {
                    problems.add(where, "unknown column '%s' in derived column '%s' of stage '%s' (columns of source '%s' and earlier derived columns)%s",
                            reference.name(), derived.name(), stage.name(), source.get().name(), Suggestions.hint(reference.name(), available));
                }
            }
            available.add(derived.name());
        }
        // the stage's record source is made in the view after its derived columns, before the load columns and hashes
        stage.recordSource().ifPresent(recordSource -> recordSource(stage, recordSource, available,
                " (a column of source '%s' or a derived column)".formatted(source.get().name()),
                " (columns of source '%s' and derived columns)".formatted(source.get().name())));
        available.addAll(RESERVED_STAGE_COLUMNS);
        stage.identity().ifPresent(identity -> {
            for (String column : identity.recordKey()) {
                checkAvailable(stage, "identity/record-key", column, available);
            }
            identity.name().ifPresent(column -> checkAvailable(stage, "identity/name", column, available));
            identity.email().ifPresent(column -> checkAvailable(stage, "identity/email", column, available));
            identity.phone().ifPresent(column -> checkAvailable(stage, "identity/phone", column, available));
        });
        Set<String> hashed = new HashSet<>();
        for (HashedColumn column : ImmutableList.<HashedColumn>builder().addAll(stage.hashKeys()).addAll(stage.hashdiffs()).build()) {
            if (available.contains(column.name()) || !hashed.add(column.name())) {
                problems.add(column.location(), "hashed column '%s' of stage '%s' has the name of another column; give it another name", column.name(), stage.name());
            }
            String field = (column.kind() == HashedColumn.Kind.HASH_KEY ? "hash-keys/" : "hashdiffs/") + column.name();
            for (String part : column.columns()) {
                if (!available.contains(part)) {
                    problems.add(at(stage, field, part), "unknown column '%s' in '%s' of stage '%s'%s",
                            part, column.name(), stage.name(), Suggestions.hint(part, available));
                }
            }
        }
        return stage;
    }

    private void checkAvailable(Stage stage, String field, String column, Set<String> available)
    {
        if (!available.contains(column)) {
            problems.add(at(stage, field, column), "unknown column '%s' in 'identity' of stage '%s'%s", column, stage.name(), Suggestions.hint(column, available));
        }
    }

    private Hub hub(Hub hub)
    {
        if (hub.identity()) {
            for (Stage stage : stages(hub, hub.sources())) {
                requireIdentity(hub, stage, "sources");
            }
            return hub;
        }
        Map<String, String> keyTypes = new HashMap<>();
        for (Stage stage : stages(hub, hub.sources())) {
            Optional<HashedColumn> key = hashKey(hub, stage, hub.hashKey(), "hash-key");
            key.ifPresent(column -> {
                if (!column.columns().equals(hub.businessKeys())) {
                    problems.add(at(hub, "hash-key", hub.hashKey()), "hub '%s' has business keys %s but stage '%s' computes '%s' from %s; list the same columns in the same order",
                            hub.name(), hub.businessKeys(), stage.name(), hub.hashKey(), column.columns());
                }
            });
            ImmutableMap<String, String> columns = stagedColumns(stage);
            for (String businessKey : hub.businessKeys()) {
                checkColumn(hub, "business-keys", businessKey, stage, columns, keyTypes);
            }
        }
        return hub;
    }

    private Link link(Link link)
    {
        List<ForeignKey> foreignKeys = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (ForeignKey foreignKey : link.foreignKeys()) {
            Optional<Hub> hub = reference(link, "hubs", foreignKey.hub(), Hub.class);
            String column = foreignKey.column().isEmpty() ? hub.map(Hub::hashKey).orElse(foreignKey.hub()) : foreignKey.column();
            if (!columns.add(column) || column.equals(link.hashKey())) {
                problems.add(foreignKey.location(), "link '%s' would have two columns named '%s'; name the foreign key with '- {hub: %s, column: <another name>}'",
                        link.name(), column, foreignKey.hub());
            }
            foreignKeys.add(new ForeignKey(foreignKey.hub(), column, foreignKey.location()));
        }
        if (link.foreignKeys().size() < 2) {
            problems.add(at(link, "hash-key", link.hashKey()), "link '%s' must link at least two hubs under 'hubs:'", link.name());
        }
        boolean resolved = foreignKeys.stream().anyMatch(foreignKey -> isIdentityHub(foreignKey.hub()));
        boolean event = link.kind() == ModelKind.NON_HISTORIZED_LINK;
        if (event && resolved) {
            problems.add(at(link, "hash-key", link.hashKey()), "non-historized link '%s' links an identity hub, whose keys are resolved persons; "
                    + "load the events into a non-historized link of the hubs' own keys, or use a link and a satellite", link.name());
            resolved = false;
        }
        Map<String, String> payloadTypes = new HashMap<>();
        for (String column : link.payload()) {
            if (columns.contains(column) || column.equals(link.hashKey()) || RESERVED_STAGE_COLUMNS.contains(column)) {
                problems.add(at(link, "payload", column), "payload column '%s' of link '%s' has the name of a key or load column; rename it in the stages", column, link.name());
            }
        }
        for (Stage stage : stages(link, link.sources())) {
            if (resolved) {
                // the link key is the hash of the parents' resolved keys, computed by the load; stages only supply the other hubs' keys
                requireIdentity(link, stage, "sources");
                for (ForeignKey foreignKey : foreignKeys) {
                    if (models.get(foreignKey.hub()) instanceof Hub hub && !hub.identity()) {
                        hashKey(link, stage, foreignKey.column(), "hubs", foreignKey.hub());
                    }
                }
                continue;
            }
            ImmutableMap<String, String> stagedColumns = stagedColumns(stage);
            link.payload().forEach(column -> checkColumn(link, "payload", column, stage, stagedColumns, payloadTypes));
            Optional<HashedColumn> linkKey = hashKey(link, stage, link.hashKey(), "hash-key");
            List<String> expected = new ArrayList<>();
            int found = 0;
            for (ForeignKey foreignKey : foreignKeys) {
                if (!(models.get(foreignKey.hub()) instanceof Hub)) {
                    continue; // the missing hub is reported already
                }
                Optional<HashedColumn> parentKey = hashKey(link, stage, foreignKey.column(), "hubs", foreignKey.hub());
                if (parentKey.isPresent()) {
                    expected.addAll(parentKey.get().columns());
                    found++;
                }
            }
            boolean allParentKeysFound = found == foreignKeys.size();
            linkKey.ifPresent(key -> {
                if (event && allParentKeysFound && (key.columns().size() <= expected.size() || !key.columns().subList(0, expected.size()).equals(expected))) {
                    // one row per event: the key needs the event's own key too, or two events of one pair would collide
                    problems.add(at(link, "hash-key", link.hashKey()), "stage '%s' computes link key '%s' from %s; a non-historized link's key must hash the hubs' business keys %s "
                                    + "followed by the event's own key (e.g. an order line id), so that every event is one row",
                            stage.name(), key.name(), key.columns(), expected);
                }
                else if (!event && allParentKeysFound && !key.columns().equals(expected)) {
                    // Data Vault 2.0: a link hash key is the hash of its hubs' business keys, in the order of 'hubs:'
                    problems.add(at(link, "hash-key", link.hashKey()), "stage '%s' computes link key '%s' from %s; it must hash the hubs' business keys in the order of 'hubs:': %s",
                            stage.name(), key.name(), key.columns(), expected);
                }
            });
        }
        return new Link(link.name(), link.description(), link.kind(), link.hashKey(), ImmutableList.copyOf(foreignKeys), link.payload(), link.sources(), link.layout(), link.location());
    }

    private Satellite satellite(Satellite satellite)
    {
        Optional<String> parentKey = Optional.empty();
        Model parent = models.get(satellite.parent());
        if (parent instanceof Hub hub) {
            parentKey = Optional.of(hub.hashKey());
        }
        else if (parent instanceof Link link) {
            parentKey = Optional.of(link.hashKey());
            if (link.kind() == ModelKind.NON_HISTORIZED_LINK) {
                problems.add(at(satellite, "parent", satellite.parent()), "%s '%s' has parent '%s', a non-historized link, whose events never change; put their attributes in its 'payload:'",
                        satellite.kind().displayName(), satellite.name(), satellite.parent());
            }
        }
        else {
            Location where = at(satellite, "parent", satellite.parent());
            if (parent == null) {
                problems.add(where, "%s '%s' has parent '%s', which is not a model%s", satellite.kind().displayName(), satellite.name(), satellite.parent(),
                        Suggestions.hint(satellite.parent(), namesOf(ModelKind.HUB, ModelKind.LINK)));
            }
            else {
                problems.add(where, "%s '%s' has parent '%s', which is a %s; a satellite's parent is a hub or a link", satellite.kind().displayName(), satellite.name(), satellite.parent(), parent.kind().displayName());
            }
        }
        ImmutableList<String> payload = satellite.payload();
        Map<String, String> payloadTypes = new HashMap<>();
        boolean identityParent = isIdentityHub(satellite.parent());
        if (identityParent && satellite.kind() != ModelKind.SATELLITE) {
            problems.add(at(satellite, "parent", satellite.parent()), "%s '%s' has identity hub '%s' as its parent; only satellites can hang off an identity hub, "
                    + "whose persons are resolved across records; track the source records in a hub of their own", satellite.kind().displayName(), satellite.name(), satellite.parent());
            identityParent = false;
        }
        if (satellite.kind() == ModelKind.EFFECTIVITY_SATELLITE) {
            checkDrivingKeys(satellite, parent);
        }
        for (Stage stage : stages(satellite, satellite.sources())) {
            if (identityParent) {
                requireIdentity(satellite, stage, "sources");
            }
            else {
                parentKey.ifPresent(key -> hashKey(satellite, stage, key, "parent", satellite.parent()));
            }
            ImmutableMap<String, String> staged = stagedColumns(stage);
            if (satellite.kind() == ModelKind.EFFECTIVITY_SATELLITE && parent instanceof Link link) {
                // the driving and other keys come from the link's foreign key columns, staged as hash keys
                link.foreignKeys().forEach(foreignKey -> hashKey(satellite, stage, foreignKeyColumn(foreignKey), "parent", satellite.parent()));
                hashKey(satellite, stage, link.hashKey(), "parent", satellite.parent());
            }
            for (String key : satellite.multiActiveKeys()) {
                checkColumn(satellite, "multi-active-keys", key, stage, staged, payloadTypes);
            }
            if (!satellite.hasPayload()) {
                continue;
            }
            Optional<HashedColumn> hashdiff = stage.hashdiff(satellite.hashdiff());
            if (hashdiff.isEmpty()) {
                problems.add(at(satellite, "hashdiff", satellite.hashdiff()), "stage '%s' has no hashdiff '%s' (under 'hashdiffs:') for satellite '%s'%s",
                        stage.name(), satellite.hashdiff(), satellite.name(), Suggestions.hint(satellite.hashdiff(), stage.hashdiffs().stream().map(HashedColumn::name).toList()));
                continue;
            }
            if (payload.isEmpty()) {
                payload = hashdiff.get().columns();
            }
            if (!ImmutableSet.copyOf(payload).equals(ImmutableSet.copyOf(hashdiff.get().columns()))) {
                problems.add(at(satellite, "hashdiff", satellite.hashdiff()), "satellite '%s' has payload %s but hashdiff '%s' of stage '%s' covers %s; they must be the same columns",
                        satellite.name(), payload, satellite.hashdiff(), stage.name(), hashdiff.get().columns());
            }
            ImmutableMap<String, String> columns = stagedColumns(stage);
            for (String column : payload) {
                checkColumn(satellite, "payload", column, stage, columns, payloadTypes);
            }
        }
        for (String key : satellite.multiActiveKeys()) {
            if (payload.contains(key)) {
                problems.add(at(satellite, "multi-active-keys", key), "column '%s' of %s '%s' is both a multi-active key and in the payload; keep it in 'multi-active-keys:' only",
                        key, satellite.kind().displayName(), satellite.name());
            }
        }
        // history per person and source record: one person's leads in one batch are not competing versions
        ImmutableList<String> childKeys = identityParent ? ImmutableList.of(StageIdentity.RECORD) : satellite.childKeys();
        return satellite.withResolved(payload, childKeys);
    }

    /** A link's foreign key column as the validated link will name it: by default the hub's hash key. */
    private String foreignKeyColumn(ForeignKey foreignKey)
    {
        if (!foreignKey.column().isEmpty()) {
            return foreignKey.column();
        }
        return models.get(foreignKey.hub()) instanceof Hub hub ? hub.hashKey() : foreignKey.hub();
    }

    private void checkDrivingKeys(Satellite satellite, Model parent)
    {
        if (!(parent instanceof Link link)) {
            if (parent instanceof Hub) {
                problems.add(at(satellite, "parent", satellite.parent()), "effectivity satellite '%s' has parent '%s', a hub; an effectivity satellite tracks which links of a driving key are in effect: its parent is a link",
                        satellite.name(), satellite.parent());
            }
            return;
        }
        ImmutableList<String> foreignKeys = link.foreignKeys().stream().map(this::foreignKeyColumn).collect(ImmutableList.toImmutableList());
        for (String key : satellite.drivingKeys()) {
            if (!foreignKeys.contains(key)) {
                problems.add(at(satellite, "driving-keys", key), "driving key '%s' of effectivity satellite '%s' is not a foreign key column of link '%s' (%s)%s",
                        key, satellite.name(), link.name(), String.join(", ", foreignKeys), Suggestions.hint(key, foreignKeys));
            }
        }
        if (!satellite.drivingKeys().isEmpty() && satellite.drivingKeys().size() >= foreignKeys.size()) {
            problems.add(at(satellite, "driving-keys", satellite.drivingKeys().getFirst()), "effectivity satellite '%s' names every foreign key of link '%s' as a driving key; "
                    + "the driving keys are the hubs whose link changes over time (e.g. a person's producer): leave at least one out", satellite.name(), link.name());
        }
    }

    private Mart mart(Mart mart)
    {
        Set<String> auxiliary = new HashSet<>();
        models.values().forEach(model -> auxiliary.addAll(model.auxiliaryTables()));
        for (String ref : mart.refs()) {
            if (!models.containsKey(ref) && !auxiliary.contains(ref)) {
                problems.add(at(mart, "ref", ref), "mart '%s' refers to {{ ref('%s') }}, which is not a model%s", mart.name(), ref, Suggestions.hint(ref, models.keySet()));
            }
            else if (ref.equals(mart.name())) {
                problems.add(at(mart, "ref", ref), "mart '%s' refers to itself", mart.name());
            }
        }
        return mart;
    }

    private void checkAuxiliaryNames()
    {
        for (Model model : models.values()) {
            for (String table : model.auxiliaryTables()) {
                if (models.containsKey(table)) {
                    problems.add(model.location(), "%s '%s' writes '%s' besides its own table, which is also the name of a model (at %s); rename one",
                            model.kind().displayName(), model.name(), table, models.get(table).location());
                }
            }
        }
    }

    private ReferenceTable referenceTable(ReferenceTable reference)
    {
        Map<String, String> types = new HashMap<>();
        for (Stage stage : stages(reference, reference.sources())) {
            ImmutableMap<String, String> columns = stagedColumns(stage);
            reference.keys().forEach(column -> checkColumn(reference, "keys", column, stage, columns, types));
            reference.payload().forEach(column -> checkColumn(reference, "payload", column, stage, columns, types));
        }
        Set<String> seen = new HashSet<>();
        for (String column : ImmutableList.<String>builder().addAll(reference.keys()).addAll(reference.payload()).build()) {
            if (!seen.add(column) || RESERVED_STAGE_COLUMNS.contains(column) || column.equals(ReferenceTable.HASHDIFF)) {
                problems.add(at(reference, reference.keys().contains(column) ? "keys" : "payload", column),
                        "reference table '%s' would have two columns named '%s'; list each column once, in 'keys:' or 'payload:'", reference.name(), column);
            }
        }
        return reference;
    }

    private Pit pit(Pit pit)
    {
        Model parent = models.get(pit.parent());
        if (!(parent instanceof Hub) && !(parent instanceof Link)) {
            Location where = at(pit, "parent", pit.parent());
            if (parent == null) {
                problems.add(where, "pit '%s' has parent '%s', which is not a model%s", pit.name(), pit.parent(), Suggestions.hint(pit.parent(), namesOf(ModelKind.HUB, ModelKind.LINK)));
            }
            else {
                problems.add(where, "pit '%s' has parent '%s', which is a %s; a PIT's parent is a hub or a link", pit.name(), pit.parent(), parent.kind().displayName());
            }
        }
        if (pit.satellites().isEmpty()) {
            problems.add(pit.location(), "pit '%s' lists no satellites under 'satellites:'", pit.name());
        }
        Set<String> seen = new HashSet<>();
        for (String name : pit.satellites()) {
            if (!seen.add(name)) {
                problems.add(at(pit, "satellites", name), "pit '%s' lists satellite '%s' twice", pit.name(), name);
                continue;
            }
            Optional<Satellite> satellite = reference(pit, "satellites", name, Satellite.class);
            if (satellite.isEmpty()) {
                continue;
            }
            if (!satellite.get().parent().equals(pit.parent())) {
                problems.add(at(pit, "satellites", name), "satellite '%s' of pit '%s' belongs to '%s', not to the PIT's parent '%s'; list satellites of '%s' only",
                        name, pit.name(), satellite.get().parent(), pit.parent(), pit.parent());
            }
            else if (satellite.get().kind() != ModelKind.SATELLITE) {
                problems.add(at(pit, "satellites", name), "'%s' of pit '%s' is a %s; a PIT points at one row per key and snapshot, so it lists satellites only",
                        name, pit.name(), satellite.get().kind().displayName());
            }
            else if (isIdentityHub(satellite.get().parent()) || !satellite.get().childKeys().isEmpty()) {
                // one PIT row points at one satellite row per key; such a satellite has several current rows per key
                problems.add(at(pit, "satellites", name), "satellite '%s' of pit '%s' keeps history per dependent child key (%s), so a key has several current rows and a PIT cannot point at one; leave it out of the PIT and join it by key and load time",
                        name, pit.name(), isIdentityHub(satellite.get().parent()) ? StageIdentity.RECORD + ", as every satellite of an identity hub" : String.join(", ", satellite.get().childKeys()));
            }
        }
        reference(pit, "snapshots", pit.snapshots(), SnapshotControl.class);
        return pit;
    }

    private Bridge bridge(Bridge bridge)
    {
        Optional<Hub> hub = reference(bridge, "hub", bridge.hub(), Hub.class);
        reference(bridge, "snapshots", bridge.snapshots(), SnapshotControl.class);
        if (bridge.path().isEmpty()) {
            problems.add(bridge.location(), "bridge '%s' has an empty 'path:'; list the links to follow from hub '%s'", bridge.name(), bridge.hub());
        }
        if (hub.isEmpty()) {
            return bridge;
        }
        // the hubs reached so far, with the bridge column that holds each one's key
        Map<String, String> reached = new LinkedHashMap<>();
        reached.put(hub.get().name(), hub.get().hashKey());
        Set<String> columns = new HashSet<>(List.of(SnapshotControl.SNAPSHOT_DATETIME, hub.get().hashKey()));
        for (String name : bridge.path()) {
            Optional<Link> link = reference(bridge, "path", name, Link.class);
            if (link.isEmpty()) {
                return bridge;
            }
            List<String> hubs = link.get().foreignKeys().stream().map(ForeignKey::hub).toList();
            if (ImmutableSet.copyOf(hubs).size() != hubs.size()) {
                problems.add(at(bridge, "path", name), "link '%s' in the path of bridge '%s' links a hub to itself; a bridge follows links between different hubs", name, bridge.name());
                return bridge;
            }
            if (hubs.stream().noneMatch(reached::containsKey)) {
                problems.add(at(bridge, "path", name), "link '%s' in the path of bridge '%s' links none of the hubs reached so far %s; order 'path:' so each link shares a hub with the hub or the links before it",
                        name, bridge.name(), reached.keySet());
                return bridge;
            }
            if (!columns.add(link.get().hashKey())) {
                problems.add(at(bridge, "path", name), "bridge '%s' would have two columns named '%s'", bridge.name(), link.get().hashKey());
            }
            for (ForeignKey foreignKey : link.get().foreignKeys()) {
                if (!reached.containsKey(foreignKey.hub())) {
                    String column = foreignKey.column().isEmpty() && models.get(foreignKey.hub()) instanceof Hub other ? other.hashKey() : foreignKey.column();
                    if (!columns.add(column)) {
                        problems.add(at(bridge, "path", name), "bridge '%s' would have two columns named '%s' (hub '%s' of link '%s'); rename the link's foreign key with '- {hub: %s, column: ...}'",
                                bridge.name(), column, foreignKey.hub(), name, foreignKey.hub());
                    }
                    reached.put(foreignKey.hub(), column);
                }
            }
        }
        return bridge;
    }

    private void checkSourceTablesUnique()
    {
        Map<String, Source> tables = new HashMap<>();
        for (Model model : models.values()) {
            if (model instanceof Source source) {
                String key = source.schema().orElse("") + "." + source.table();
                Source other = tables.putIfAbsent(key, source);
                if (other != null) {
                    problems.add(source.location(), "sources '%s' and '%s' (at %s) read the same table '%s'; define it once", other.name(), source.name(), other.location(), source.table());
                }
            }
        }
    }

    private void checkColumn(Model model, String field, String column, Stage stage, Map<String, String> columns, Map<String, String> types)
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

    private void requireIdentity(Model model, Stage stage, String field)
    {
        if (stage.identity().isEmpty()) {
            problems.add(at(model, field, stage.name()), "stage '%s' has no 'identity:' block, which %s '%s' needs to resolve persons; add one naming its record key and its name, email and phone columns",
                    stage.name(), model.kind().displayName(), model.name());
        }
    }

    private boolean isIdentityHub(String name)
    {
        return models.get(name) instanceof Hub hub && hub.identity();
    }

    private Optional<HashedColumn> hashKey(Model model, Stage stage, String column, String field)
    {
        return hashKey(model, stage, column, field, column);
    }

    private Optional<HashedColumn> hashKey(Model model, Stage stage, String column, String field, String value)
    {
        Optional<HashedColumn> key = stage.hashKey(column);
        if (key.isEmpty()) {
            problems.add(at(model, field, value), "stage '%s' has no hash key '%s' (under 'hash-keys:'), which %s '%s' needs%s",
                    stage.name(), column, model.kind().displayName(), model.name(), Suggestions.hint(column, stage.hashKeys().stream().map(HashedColumn::name).toList()));
        }
        return key;
    }

    private ImmutableList<Stage> stages(Model model, List<String> names)
    {
        return names.stream()
                .map(name -> reference(model, "sources", name, Stage.class))
                .flatMap(Optional::stream)
                .filter(stage -> !unresolvedStages.contains(stage.name()))
                .collect(ImmutableList.toImmutableList());
    }

    private <T extends Model> Optional<T> reference(Model model, String field, String name, Class<T> type)
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

    private ImmutableMap<String, String> stagedColumns(Stage stage)
    {
        return models.get(stage.source()) instanceof Source source ? stage.columns(source, dialect) : ImmutableMap.of();
    }

    private Set<String> namesOf(ModelKind... kinds)
    {
        Set<ModelKind> wanted = ImmutableSet.copyOf(kinds);
        Set<String> names = new TreeSet<>();
        models.values().stream().filter(model -> wanted.contains(model.kind())).forEach(model -> names.add(model.name()));
        return names;
    }

    private static ModelKind kindOf(Class<? extends Model> type)
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

    private Location at(Model model, String field, String value)
    {
        return index.get(model.name(), field, value, model.location());
    }
}
