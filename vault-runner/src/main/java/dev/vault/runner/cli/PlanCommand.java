package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.Artifacts;
import dev.vault.runner.PlanResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code vault plan}: what {@code vault run} with the same selection would do, with nothing
 * written. Exits 0 when there is nothing to do, 7 when a run would create, load or alter a
 * model, and 1 when it would fail one (a refused change, a missing source), so a scheduler can
 * branch on it.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what 'vault run' with the same selection would do, writing nothing: per model create, load (and which inputs have new snapshots), "
                + "skip, alter (the columns) or refuse (and why), then each changed model's SQL diffed against the last run's manifest. "
                + "Exit 0 when there is nothing to do, 7 when there is work, 1 when the run would fail a model.")
final class PlanCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Override
    public Integer call()
    {
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("unknown format '" + format + "': use text or json");
        }
        // json is for programs: nothing else on standard output
        try (Vault vault = format.equals("json") ? connection.configuration(VaultListener.NONE).load() : load(reporter())) {
            PlanResult plan = vault.planRun(selection.selected(vault));
            PrintStream out = console.out();
            if (format.equals("json")) {
                out.println(Artifacts.planJson(vault.project().config().name(), vault.targetDescription(), plan));
            }
            else {
                out.print(text(plan));
            }
            out.flush();
            return exitCode(plan);
        }
    }

    static int exitCode(PlanResult plan)
    {
        if (plan.refused()) {
            return ErrorCode.MODEL_FAILED.exitCode();
        }
        return plan.hasWork() ? ErrorCode.PLAN_HAS_WORK.exitCode() : SUCCESS;
    }

    /** One aligned line per model, a summary, then the SQL diffs of the changed models. */
    static String text(PlanResult plan)
    {
        StringBuilder text = new StringBuilder();
        int width = plan.models().stream().mapToInt(model -> model.model().length()).max().orElse(0);
        for (PlanResult.ModelPlanResult model : plan.models()) {
            String sql = switch (model.sql().status()) {
                case UNCHANGED -> "";
                case CHANGED -> " [sql changed]";
                case NEW -> plan.manifestFound() ? " [sql new]" : "";
            };
            text.append(String.format(Locale.ROOT, "%-6s  %-" + width + "s  %s%s%n", model.action().jsonName(), model.model(), String.join("; ", model.reasons()), sql));
        }
        text.append("Plan: %d create, %d load, %d alter, %d refuse, %d skip%s%n".formatted(
                plan.count(PlanResult.Action.CREATE), plan.count(PlanResult.Action.LOAD), plan.count(PlanResult.Action.ALTER), plan.count(PlanResult.Action.REFUSE),
                plan.count(PlanResult.Action.SKIP), plan.hasWork() ? "" : ": nothing to do"));
        if (!plan.manifestFound()) {
            text.append("No manifest.json in the target path: no SQL to diff against (a run leaves one).%n".formatted());
        }
        for (PlanResult.ModelPlanResult model : plan.models()) {
            if (model.sql().status() == PlanResult.SqlChange.Status.CHANGED) {
                text.append(System.lineSeparator());
                model.sql().lines().forEach(line -> text.append(line).append(System.lineSeparator()));
            }
        }
        return text.toString();
    }
}
