package dev.vault.core.load;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Bridge;
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

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks what a single file cannot: that every name a model uses (a source, a stage, a hub, a
 * column) exists and fits, and fills in defaults that depend on other models (a link's foreign
 * key columns, a satellite's payload). Problems are reported at the line of the offending value.
 */
final class ModelValidator
        extends ModelChecks
{
    private final StageValidator stages;
    private final HubLinkValidator hubsAndLinks;
    private final SatelliteValidator satellites;
    private final QueryTableValidator queryTables;

    ModelValidator(Map<String, Model> models, LocationIndex index, Problems problems, SqlDialect dialect)
    {
        super(models, index, problems, dialect);
        this.stages = new StageValidator(this);
        this.hubsAndLinks = new HubLinkValidator(this);
        this.satellites = new SatelliteValidator(this);
        this.queryTables = new QueryTableValidator(this);
    }

    /** Validates every model; returns them with defaults filled in, in the same order. */
    ImmutableMap<String, Model> validate()
    {
        // sources and stages first: what hubs, links and satellites check depends on them
        Map<String, Model> checked = new HashMap<>();
        for (Model model : models.values()) {
            switch (model) {
                case Source source -> checked.put(source.name(), stages.source(source));
                case Stage stage -> checked.put(stage.name(), stages.stage(stage));
                default -> {}
            }
        }
        for (Model model : models.values()) {
            switch (model) {
                case ReferenceTable reference -> checked.put(reference.name(), satellites.referenceTable(reference));
                case Hub hub -> checked.put(hub.name(), hubsAndLinks.hub(hub));
                case Link link -> checked.put(link.name(), hubsAndLinks.link(link));
                case Satellite satellite -> checked.put(satellite.name(), satellites.satellite(satellite));
                case Mart mart -> checked.put(mart.name(), queryTables.mart(mart));
                case Pit pit -> checked.put(pit.name(), queryTables.pit(pit));
                case Bridge bridge -> checked.put(bridge.name(), queryTables.bridge(bridge));
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
}
