package dev.vault.core.load;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.StageIdentity;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks the tables read by queries rather than loaded from stages: marts, point-in-time tables and bridges. */
final class QueryTableValidator
        extends ModelChecks
{
    QueryTableValidator(ModelChecks checks)
    {
        super(checks);
    }

    Mart mart(Mart mart)
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

    Pit pit(Pit pit)
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

    Bridge bridge(Bridge bridge)
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
}
