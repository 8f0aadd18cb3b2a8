package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Run a SQL query on the engine and print its rows.")
final class QueryCommand
        extends EngineCommand
{
    @Parameters(paramLabel = "SQL", description = "The query, e.g. \"select count(*) from iceberg.silver.hub_pessoa\".")
    String sql;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table, csv or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    String format;

    @Override
    public Integer call()
    {
        QueryFormat queryFormat;
        try {
            queryFormat = QueryFormat.valueOf(format.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw usage("unknown format '" + format + "': use table, csv or json");
        }
        // a quiet listener: the output may be piped into another program
        try (Vault vault = connection.configuration(VaultListener.NONE).load()) {
            console.out().print(queryFormat.format(vault.query(sql)));
            console.out().flush();
            return SUCCESS;
        }
    }
}
