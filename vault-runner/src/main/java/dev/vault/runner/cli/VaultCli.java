package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code vault} command. Exit codes: 0 success; 1 a model or query failed; 2 bad command
 * line; 3 invalid project or model files (nothing was run); 4 the engine could not be started or
 * reached; 5 data tests failed; 6 the run lock is held; 7 {@code vault plan} found work for a
 * run; 8 {@code vault init} found a project where it would write one; 10 a bug in vault. Each
 * subcommand is a class of its own; those that work on the engine extend {@link EngineCommand}.
 */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        versionProvider = VaultCli.Version.class,
        description = "Data Vault 2.0 models compiled to Trino SQL and run on Apache Iceberg.",
        subcommands = {
                InitCommand.class,
                BuildCommand.class,
                SeedCommand.class,
                RunCommand.class,
                PlanCommand.class,
                TestCommand.class,
                CompileCommand.class,
                DocsCommand.class,
                QueryCommand.class,
                ServeCommand.class,
                HashCommand.class,
                RetryCommand.class,
                UnlockCommand.class,
                ReconcileCommand.class,
                MaintainCommand.class,
                StatusCommand.class,
                FunctionsCommand.class,
                FreshnessCommand.class,
                IdentityCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 model or query failed, 2 bad command line, 3 invalid project, 4 engine unavailable, 5 data tests failed or a source is stale, 6 run lock held, "
                + "7 'vault plan' found work, 8 'vault init' found a project in the folder."})
public final class VaultCli
{
    private VaultCli() {}

    public static void main(String[] args)
    {
        // keep the real terminal before the embedded engine's logging takes System.out over
        Console console = Console.system();
        System.exit(execute(console, args));
    }

    public static int execute(Console console, String... args)
    {
        CommandLine commandLine = new CommandLine(new VaultCli(), new Factory(console));
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof VaultException vaultException) {
                Reporter.LogFormat format = command.getCommand() instanceof EngineCommand engineCommand ? engineCommand.logFormat.format() : Reporter.LogFormat.TEXT;
                Reporter.of(format, console).error(vaultException);
                return vaultException.errorCode().exitCode();
            }
            console.err().println("error: vault failed unexpectedly; please report this with the stack trace below");
            exception.printStackTrace(console.err());
            return ErrorCode.INTERNAL.exitCode();
        });
        return commandLine.execute(args);
    }

    /** Gives each subcommand the console. */
    private record Factory(Console console)
            implements CommandLine.IFactory
    {
        @Override
        public <K> K create(Class<K> type)
                throws Exception
        {
            K command = CommandLine.defaultFactory().create(type);
            if (command instanceof ConsoleCommand consoleCommand) {
                consoleCommand.console = console;
            }
            return command;
        }
    }

    static final class Version
            implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            String version = VaultCli.class.getPackage().getImplementationVersion();
            return new String[] {"vault " + (version == null ? "(development build)" : version)};
        }
    }
}
