package dev.vault.runner.cli;

import dev.vault.runner.FunctionInstall;
import dev.vault.runner.FunctionInstallResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import dev.vault.runner.jdbc.SqlExecutor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code vault functions}: the identity functions as SQL routines on a cluster, so that plain SQL
 * (a BI tool, the seeds' own checks) can call {@code generate_person_hash(name, email, phone)}.
 * The embedded engine has them already.
 */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = "The identity functions (generate_person_hash, normalize_person_name, normalize_email, normalize_phone) as SQL routines on a cluster.",
        subcommands = {FunctionsCommand.Install.class, CommandLine.HelpCommand.class})
final class FunctionsCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do with the functions: vault functions install --catalog memory --schema vault");
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Create the identity functions in CATALOG.SCHEMA (CREATE OR REPLACE FUNCTION), then check that generate_person_hash gives vault's key.",
                    "The catalog's connector must store SQL routines: on Trino a memory catalog (connector.name=memory), not Iceberg or Hive.",
                    "Put CATALOG.SCHEMA on the cluster's sql.path to call them unqualified."})
    static final class Install
            extends EngineCommand
    {
        @Option(names = "--catalog", paramLabel = "CATALOG", defaultValue = "memory", description = "Catalog that stores SQL routines (default: ${DEFAULT-VALUE}).")
        String catalog;

        @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "vault", description = "Schema for the functions, created if missing (default: ${DEFAULT-VALUE}).")
        String schema;

        @Option(names = "--print", description = "Print the statements instead of running them, for an administrator.")
        boolean print;

        @Override
        public Integer call()
        {
            if (print) {
                // the project's identity settings only: no engine is touched
                try (Vault vault = connection.configuration(VaultListener.NONE).load()) {
                    FunctionInstall install = new FunctionInstall(vault.project().config().identity(), catalog, schema);
                    install.statements().forEach(statement -> console.out().println(statement + ";\n"));
                    console.out().flush();
                    return SUCCESS;
                }
            }
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                FunctionInstall install = new FunctionInstall(vault.project().config().identity(), catalog, schema);
                FunctionInstallResult result = install.install(new SqlExecutor(vault.session()));
                reporter.message("Created %s in %s.%s; generate_person_hash('%s') = %s, as 'vault hash' computes it"
                        .formatted(String.join(", ", result.functions()), result.catalog(), result.schema(), String.join("', '", FunctionInstall.SAMPLE), result.sampleHash()));
                return SUCCESS;
            }
        }
    }
}
