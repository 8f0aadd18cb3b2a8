package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.Artifacts;
import dev.vault.runner.MaintenanceResult;
import dev.vault.runner.MaintenanceRun;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/** {@code vault maintain}: the upkeep of the Iceberg tables; {@code run --maintain} and {@code build --maintain} share it. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Keep the Iceberg tables fit: compact small files, rewrite manifests, expire old snapshots, remove orphan files, "
                + "collect statistics, per the 'maintenance:' policy of vault.yml and the models. Takes the run lock.")
final class MaintainCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            MaintenanceRun run = maintain(vault, reporter, selection.selected(vault), "maintain");
            return run.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
        }
    }

    /**
     * Maintains the selected models' tables, prints a line per table and leaves
     * maintenance_results.json; shared by {@code maintain}, {@code run --maintain} and {@code build --maintain}.
     */
    static MaintenanceRun maintain(Vault vault, Reporter reporter, Collection<String> selected, String command)
    {
        Instant started = Instant.now();
        MaintenanceRun run = vault.maintain(selected);
        for (MaintenanceResult table : run.tables()) {
            reporter.message(line(table));
            table.error().ifPresent(error -> reporter.message("      error: " + error));
        }
        reporter.message("Maintenance: %d table%s maintained, %d not built, %d failed in %s".formatted(
                run.count(MaintenanceResult.Status.MAINTAINED), run.count(MaintenanceResult.Status.MAINTAINED) == 1 ? "" : "s",
                run.count(MaintenanceResult.Status.NOT_BUILT), run.count(MaintenanceResult.Status.FAILED), seconds(run.duration())));
        Artifacts.writeMaintenanceResults(vault.project().config().targetPath(), new Artifacts.MaintenanceResults(
                Artifacts.MAINTENANCE_RESULTS_SCHEMA,
                command,
                UUID.randomUUID().toString(),
                started.toString(),
                Duration.between(started, Instant.now()).toNanos() / 1e9,
                vault.targetDescription(),
                run.successful(),
                run.tables().stream().map(Artifacts::entry).toList()));
        return run;
    }

    private static String line(MaintenanceResult table)
    {
        String status = switch (table.status()) {
            case MAINTAINED -> "MAINTAINED";
            case NOT_BUILT -> "NOT BUILT";
            case FAILED -> "FAILED";
        };
        String figures = table.status() == MaintenanceResult.Status.NOT_BUILT ? "" : "files %s -> %s, snapshots %s -> %s".formatted(
                text(table.before().dataFiles()), text(table.after().dataFiles()), text(table.before().snapshots()), text(table.after().snapshots()));
        return String.format(Locale.ROOT, "%-10s %-32s %-36s %s %8s", status, table.table().table(), figures, String.join(", ", table.steps()), seconds(table.duration()));
    }

    static String size(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String text(OptionalLong value)
    {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "?";
    }

    private static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
