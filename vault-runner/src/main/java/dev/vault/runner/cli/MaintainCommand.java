package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.model.ModelSelector;
import dev.vault.runner.Artifacts;
import dev.vault.runner.MaintenanceResult;
import dev.vault.runner.MaintenanceRun;
import dev.vault.runner.QueryResult;
import dev.vault.runner.TableStatus;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** {@code vault maintain} and {@code vault status}: the upkeep of the Iceberg tables. */
final class UpkeepCommands
{
    private UpkeepCommands() {}

    /** --select and --exclude, as the other commands take them. */
    static final class TableSelection
    {
        @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", split = "[\\s,]+",
                description = "Models whose tables to take: name, name+, +name, tag:TAG; several are a union (default: all).")
        List<String> select = new ArrayList<>();

        @Option(names = "--exclude", paramLabel = "SELECTOR", split = "[\\s,]+", description = "Models to leave out, with the same syntax.")
        List<String> exclude = new ArrayList<>();

        Set<String> selected(Vault vault)
        {
            return new ModelSelector(vault.project()).select(select, exclude);
        }
    }

    @Command(name = "maintain", mixinStandardHelpOptions = true,
            description = "Keep the Iceberg tables fit: compact small files, rewrite manifests, expire old snapshots, remove orphan files, "
                    + "collect statistics, per the 'maintenance:' policy of vault.yml and the models. Takes the run lock.")
    static final class Maintain
            extends VaultCli.ConsoleCommand
    {
        @Mixin
        TableSelection selection;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                MaintenanceRun run = maintain(vault, reporter, selection.selected(vault), "maintain");
                return run.successful() ? VaultCli.SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
            }
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

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each table's rows, data files, size, snapshots and last load, from the Iceberg metadata; tables not created yet show as not built.")
    static final class Status
            extends VaultCli.ConsoleCommand
    {
        @Mixin
        TableSelection selection;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
        String format;

        @Override
        public Integer call()
        {
            if (!format.equals("table") && !format.equals("json")) {
                throw usage("unknown format '" + format + "': use table or json");
            }
            // a quiet listener: the output may be piped into another program
            try (Vault vault = connection.configuration(VaultListener.NONE).load()) {
                ImmutableList<TableStatus> tables = vault.status(selection.selected(vault));
                if (format.equals("json")) {
                    console.out().println(Artifacts.statusJson(vault.project().config().name(), tables));
                }
                else {
                    console.out().print(QueryFormat.TABLE.format(table(tables)));
                }
                console.out().flush();
                return VaultCli.SUCCESS;
            }
        }

        private static QueryResult table(List<TableStatus> tables)
        {
            ImmutableList<String> columns = ImmutableList.of("table", "kind", "rows", "data files", "size", "snapshots", "last load", "last snapshot id");
            ImmutableList<String> types = ImmutableList.of("varchar", "varchar", "bigint", "bigint", "varchar", "bigint", "varchar", "varchar");
            ImmutableList.Builder<List<Object>> rows = ImmutableList.builder();
            for (TableStatus table : tables) {
                String name = table.table().schema() + "." + table.table().table();
                if (!table.built()) {
                    rows.add(Arrays.asList(name, table.kind().displayName(), "", "", "not built", "", "", ""));
                    continue;
                }
                rows.add(Arrays.asList(
                        name,
                        table.kind().displayName(),
                        table.rows().isPresent() ? table.rows().getAsLong() : "",
                        table.dataFiles().getAsLong(),
                        size(table.totalBytes().getAsLong()),
                        table.snapshots().getAsLong(),
                        table.lastLoad().map(Object::toString).orElse(""),
                        table.lastSnapshotId().isPresent() ? Long.toString(table.lastSnapshotId().getAsLong()) : ""));
            }
            return new QueryResult(columns, types, rows.build());
        }
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

    private static String text(java.util.OptionalLong value)
    {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "?";
    }

    private static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
