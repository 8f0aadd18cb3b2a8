package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Model;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.sql.ReconciliationQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The queries that account for every staged row of a model: loaded, or set aside with a reason ({@code reconciliation.ftl}). */
public final class ReconciliationCompiler
{
    private final CompileContext context;

    public ReconciliationCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * One query per hub, link and satellite and each of its stages that accounts for every staged
     * (so every bronze) row: loaded or set aside. Identity hubs and what hangs off them account for
     * their records in their own tables (hub_*_records) and are left out.
     */
    public ImmutableList<ReconciliationQuery> reconciliations()
    {
        ImmutableList.Builder<ReconciliationQuery> queries = ImmutableList.builder();
        for (Model model : context.project().inBuildOrder()) {
            Optional<List<String>> keys = switch (model) {
                case Hub hub when !hub.identity() -> Optional.of(List.of(hub.hashKey()));
                case Link link when link.foreignKeys().stream().noneMatch(key -> context.project().model(key.hub()) instanceof Hub hub && hub.identity()) -> Optional.of(CompileContext.linkKeys(link));
                case Satellite satellite when satellite.hasPayload() && !(context.project().model(satellite.parent()) instanceof Hub hub && hub.identity()) -> Optional.of(List.of(context.parentKey(satellite)));
                default -> Optional.empty();
            };
            if (keys.isEmpty()) {
                continue;
            }
            for (String name : model.dependencies()) {
                if (!(context.project().model(name) instanceof Stage stage)) {
                    continue;
                }
                Source source = context.project().model(stage.source(), Source.class);
                Map<String, Object> data = new HashMap<>(Map.of(
                        "model", CompileContext.header(model),
                        "stage", Map.of("name", stage.name(), "table", context.project().tableName(stage),
                                "columns", CompileContext.sourceColumns(source)),
                        "keys", keys.get(),
                        "target", context.project().tableName(model),
                        "rejected", context.rejectedTable(),
                        "rejectedExists", context.writesRejectedRows(model)));
                if (model instanceof Satellite && context.project().config().loading().ghostRecords()) {
                    data.put("ghost", context.loadSettings());
                }
                queries.add(new ReconciliationQuery(model.name(), stage.name(), context.render("reconciliation.ftl", data)));
            }
        }
        return queries.build();
    }
}
