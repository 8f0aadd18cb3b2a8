package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.ReferenceTable;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks satellites (all kinds) and reference tables against their parent and stages, and fills
 * in the defaults that depend on them: a satellite's payload, its driving keys.
 */
final class SatelliteValidator
        extends ModelChecks
{
    SatelliteValidator(ModelChecks checks)
    {
        super(checks);
    }

    Satellite satellite(Satellite satellite)
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

    ReferenceTable referenceTable(ReferenceTable reference)
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
}
