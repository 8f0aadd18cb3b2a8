package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import dev.vault.runner.Artifacts;
import dev.vault.runner.QueryResult;
import dev.vault.runner.TableStatus;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each table's rows, data files, size, snapshots and last load, from the Iceberg metadata; tables not created yet show as not built.")
final class StatusCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

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
            return SUCCESS;
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
                    MaintainCommand.size(table.totalBytes().getAsLong()),
                    table.snapshots().getAsLong(),
                    table.lastLoad().map(Object::toString).orElse(""),
                    table.lastSnapshotId().isPresent() ? Long.toString(table.lastSnapshotId().getAsLong()) : ""));
        }
        return new QueryResult(columns, types, rows.build());
    }
}
