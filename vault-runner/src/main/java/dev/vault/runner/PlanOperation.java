package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.runner.PlanResult.Action;
import dev.vault.runner.PlanResult.ModelPlanResult;
import dev.vault.runner.PlanResult.SqlChange;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.SchemaEvolution;
import dev.vault.sql.Statement;
import dev.vault.sql.TrinoQueries;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code vault plan}: what a run of the same selection would do, model by model, with nothing
 * written: no schema, no table, no lock, no snapshot, no artifact. It reads what a run reads at
 * its start ({@link RunPlanner}, {@link RunMetadata}), decides up to date as the run does
 * ({@link GuardCheck}) and asks each existing table's plan what it would become
 * ({@link ModelPlan#evolution}). A model reading a table the run changes (creates, alters or
 * loads) is a load too: its guard will see the new snapshot.
 * <p>
 * A plan is an estimate in one direction only: a load that finds nothing new commits no
 * snapshot, so a run may skip a model the plan says it loads; it never loads one the plan skips,
 * unless sources receive rows in between.
 */
final class PlanOperation
{
    private final VaultContext context;
    private final Project project;

    PlanOperation(VaultContext context)
    {
        this.context = requireNonNull(context, "context is null");
        this.project = context.project();
    }

    PlanResult execute(Plan plan, Set<String> selected, Optional<Artifacts.Manifest> manifest)
    {
        SqlExecutor executor = context.executor();
        RunPlanner planner = new RunPlanner(project);
        ImmutableList<ModelPlan> models = planner.models(plan, selected);
        RunMetadata metadata = planner.metadata(executor, plan);
        GuardCheck guards = new GuardCheck(executor, metadata);
        Map<String, Artifacts.ManifestModel> previous = new HashMap<>();
        manifest.ifPresent(found -> found.models().forEach(model -> previous.put(model.name(), model)));

        // which model writes which table: a guard's inputs are tables, the plan's reasons are models
        Map<TableName, String> writers = new HashMap<>();
        for (ModelPlan model : plan.models().values()) {
            writers.putIfAbsent(model.target(), model.model().name());
            model.statements().forEach(statement -> writers.putIfAbsent(statement.target(), model.model().name()));
        }

        ImmutableList.Builder<ModelPlanResult> results = ImmutableList.builder();
        Map<String, Action> actions = new HashMap<>();
        for (ModelResult missing : planner.missingSources(metadata, plan, selected)) {
            ModelPlan source = plan.model(missing.model());
            results.add(new ModelPlanResult(missing.model(), ModelKind.SOURCE, source.target(), Action.REFUSE, ImmutableList.of(missing.error().orElseThrow()),
                    ImmutableList.of(), ImmutableList.of(), new SqlChange(SqlChange.Status.UNCHANGED, ImmutableList.of())));
            actions.put(missing.model(), Action.REFUSE);
        }
        try {
            for (ModelPlan model : models) {
                SqlChange sql = sqlChange(model, Optional.ofNullable(previous.get(model.model().name())), manifest.isPresent());
                ModelPlanResult result = decide(executor, metadata, guards, writers, actions, model, sql);
                actions.put(model.model().name(), result.action());
                results.add(result);
            }
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the tables of catalog %s: %s".formatted(project.config().catalog(), e.getMessage()), e);
        }
        return new PlanResult(results.build(), manifest.isPresent());
    }

    private ModelPlanResult decide(SqlExecutor executor, RunMetadata metadata, GuardCheck guards, Map<TableName, String> writers, Map<String, Action> actions, ModelPlan plan, SqlChange sql)
            throws SQLException
    {
        Model model = plan.model();
        PlanBuilder result = new PlanBuilder(plan, sql);

        // the run fails what reads a model it fails, or a source that is missing
        List<String> refusedUpstream = project.graph().ancestors(model.name()).stream()
                .filter(ancestor -> actions.get(ancestor) == Action.REFUSE)
                .sorted()
                .toList();
        if (!refusedUpstream.isEmpty()) {
            return result.build(Action.REFUSE, "reads %s, which the run would fail: it is skipped".formatted(String.join(", ", refusedUpstream)));
        }
        if (metadata.missing(plan.target())) {
            return result.build(Action.CREATE, "%s %s does not exist".formatted(isView(plan) ? "view" : "table", plan.target()));
        }
        if (isView(plan)) {
            return switch (sql.status()) {
                case UNCHANGED -> result.build(Action.SKIP, "view unchanged");
                // a view is created again, never altered: alter is a table's columns
                case CHANGED -> result.build(Action.CREATE, "replaces the view: its SQL changed since the last run");
                case NEW -> result.build(Action.CREATE, "replaces the view: it is not in the last run's manifest");
            };
        }

        Optional<Guard> guard = plan.guard();
        // the models upstream that change a table this model's guard reads
        Set<String> changedUpstream = new LinkedHashSet<>();
        guard.ifPresent(found -> found.inputs().stream()
                .map(input -> writers.get(input.table()))
                .filter(writer -> writer != null && !writer.equals(model.name()))
                .filter(writer -> switch (actions.getOrDefault(writer, Action.SKIP)) {
                    case CREATE, LOAD, ALTER -> true;
                    case SKIP, REFUSE -> false;
                })
                .forEach(changedUpstream::add));
        changedUpstream.forEach(writer -> result.reasons.add("reads %s (%s)".formatted(writer, actions.get(writer).jsonName())));

        Optional<GuardCheck.Decision> decision = Optional.empty();
        if (guard.isPresent()) {
            // a guard input the run creates first has no snapshot to ask about yet
            boolean inputsExist = guard.get().inputs().stream().noneMatch(input -> metadata.missing(input.table()));
            if (inputsExist) {
                decision = Optional.of(guards.decide(guard.get()));
                if (decision.get().upToDate() && changedUpstream.isEmpty()) {
                    return result.build(Action.SKIP, "up to date (no input changed)");
                }
            }
        }

        Action action = Action.LOAD;
        if (plan.table().isPresent()) {
            try {
                SchemaEvolution.Plan evolution = plan.evolution(PlanExecutor.existingColumns(executor, plan));
                if (!evolution.isEmpty()) {
                    action = Action.ALTER;
                    result.changes.addAll(evolution.changes());
                    result.reasons.addAll(evolution.changes());
                }
                result.reasons.addAll(evolution.notes());
            }
            catch (SchemaEvolution.IncompatibleChangeException e) {
                // as the run reports it
                return result.build(Action.REFUSE, "%s '%s' (%s): %s".formatted(model.kind().displayName(), model.name(), model.location(), e.getMessage()));
            }
        }

        if (guard.isEmpty()) {
            result.reasons.add("not guarded: it loads on every run");
            return result.build(action);
        }
        if (decision.isPresent()) {
            result.newSnapshots.addAll(newSnapshots(executor, metadata, guard.get(), plan.target()));
            if (!result.newSnapshots.isEmpty()) {
                result.reasons.add("new snapshots in " + String.join(", ", result.newSnapshots.stream().map(TableName::toString).toList()));
            }
            if (decision.get().recorded().isEmpty()) {
                result.reasons.add("its table records no complete load");
            }
        }
        if (sql.status() == SqlChange.Status.CHANGED) {
            result.reasons.add("its SQL changed since the last run");
        }
        if (result.reasons.isEmpty()) {
            result.reasons.add("its inputs or its SQL changed since its last load");
        }
        return result.build(action);
    }

    /**
     * The guard's inputs with data committed after the guarded table's metadata last changed:
     * the comment that records its fingerprint is the last thing a build writes.
     */
    private static List<TableName> newSnapshots(SqlExecutor executor, RunMetadata metadata, Guard guard, TableName target)
            throws SQLException
    {
        List<TableName> inputs = guard.inputs().stream()
                .map(Guard.Input::table)
                .filter(table -> !table.equals(target) && !metadata.missing(table))
                .toList();
        if (inputs.isEmpty()) {
            return List.of();
        }
        Optional<Double> recorded = executor.queryValue(TrinoQueries.lastMetadataChange(target)).map(Double::parseDouble);
        if (recorded.isEmpty()) {
            return List.of();
        }
        Map<String, TableName> byName = new HashMap<>();
        inputs.forEach(table -> byName.put(key(table.schema(), table.table()), table));
        List<TableName> newer = new ArrayList<>();
        for (List<Object> row : executor.query(TrinoQueries.latestDataCommits(inputs)).rows()) {
            if (row.get(2) != null && Double.parseDouble(row.get(2).toString()) > recorded.get()) {
                newer.add(byName.get(key(row.get(0).toString(), row.get(1).toString())));
            }
        }
        // in the guard's order
        return inputs.stream().filter(newer::contains).toList();
    }

    private static String key(String schema, String table)
    {
        return (schema + "." + table).toLowerCase(Locale.ROOT);
    }

    private static boolean isView(ModelPlan plan)
    {
        return plan.statements().stream().anyMatch(statement -> statement.kind() == Statement.Kind.VIEW && statement.target().equals(plan.target()));
    }

    /** The model's compiled SQL against what the manifest recorded of it. */
    static SqlChange sqlChange(ModelPlan plan, Optional<Artifacts.ManifestModel> previous, boolean manifestFound)
    {
        if (previous.isEmpty()) {
            return new SqlChange(SqlChange.Status.NEW, ImmutableList.of());
        }
        List<Artifacts.ManifestStatement> before = previous.get().statements() == null ? List.of() : previous.get().statements();
        List<Statement> after = plan.statements();
        boolean same = before.size() == after.size();
        for (int i = 0; same && i < after.size(); i++) {
            Statement statement = after.get(i);
            Artifacts.ManifestStatement old = before.get(i);
            same = old.sha256().equals(Artifacts.sha256(statement.sql()))
                    && old.target().equals(statement.target().toString())
                    && old.kind().equals(statement.kind().name().toLowerCase(Locale.ROOT));
        }
        if (same) {
            return new SqlChange(SqlChange.Status.UNCHANGED, ImmutableList.of());
        }
        if (before.stream().anyMatch(statement -> statement.sql() == null)) {
            return new SqlChange(SqlChange.Status.CHANGED, ImmutableList.of("(the manifest holds checksums only, no SQL to diff against: it was written by an older vault)"));
        }
        List<String> oldLines = new ArrayList<>();
        before.forEach(statement -> lines(oldLines, statement.kind(), statement.target(), statement.sql()));
        List<String> newLines = new ArrayList<>();
        after.forEach(statement -> lines(newLines, statement.kind().name().toLowerCase(Locale.ROOT), statement.target().toString(), statement.sql()));
        String name = plan.model().name();
        return new SqlChange(SqlChange.Status.CHANGED, UnifiedDiff.diff("manifest/" + name, oldLines, "compiled/" + name, newLines));
    }

    private static void lines(List<String> lines, String kind, String target, String sql)
    {
        lines.add("-- " + kind + " " + target);
        lines.addAll(sql.lines().toList());
        lines.add("");
    }

    /** What the plan says of one model, gathered as it is decided. */
    private static final class PlanBuilder
    {
        private final ModelPlan plan;
        private final SqlChange sql;
        private final List<String> reasons = new ArrayList<>();
        private final List<String> changes = new ArrayList<>();
        private final List<TableName> newSnapshots = new ArrayList<>();

        PlanBuilder(ModelPlan plan, SqlChange sql)
        {
            this.plan = plan;
            this.sql = sql;
        }

        ModelPlanResult build(Action action, String reason)
        {
            reasons.add(reason);
            return build(action);
        }

        ModelPlanResult build(Action action)
        {
            return new ModelPlanResult(plan.model().name(), plan.model().kind(), plan.target(), action, ImmutableList.copyOf(reasons), ImmutableList.copyOf(changes),
                    ImmutableList.copyOf(newSnapshots), sql);
        }
    }
}
