package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.Reconciliation;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Account for every bronze row in every hub, link and satellite: loaded, or set aside with a reason. Exit 5 if a row is neither.")
final class ReconcileCommand
        extends EngineCommand
{
    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            List<Reconciliation> results = vault.reconcile();
            reporter.message("%-28s %-28s %12s %12s %12s %12s".formatted("model", "stage", "bronze rows", "loaded", "set aside", "unaccounted"));
            long unaccounted = 0;
            for (Reconciliation result : results) {
                reporter.message("%-28s %-28s %12d %12d %12d %12d".formatted(result.model(), result.stage(), result.bronzeRows(), result.loadedRows(), result.rejectedRows(), result.unaccounted()));
                unaccounted += Math.abs(result.unaccounted());
            }
            if (unaccounted > 0) {
                reporter.message("%d row(s) are neither loaded nor set aside".formatted(unaccounted));
                return ErrorCode.TEST_FAILED.exitCode();
            }
            reporter.message("Every bronze row is loaded or set aside (%d model/stage pairs)".formatted(results.size()));
            return SUCCESS;
        }
    }
}
