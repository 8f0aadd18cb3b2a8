package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks hubs and links against the stages they load from: business keys, hash keys, foreign keys. */
final class HubLinkValidator
        extends ModelChecks
{
    HubLinkValidator(ModelChecks checks)
    {
        super(checks);
    }

    Hub hub(Hub hub)
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

    Link link(Link link)
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
}
