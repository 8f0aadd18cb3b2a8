package dev.vault.runner.cli;

import dev.vault.runner.InitOptions;
import dev.vault.runner.InitResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code vault init [DIR]}: a new project, the example or, with {@code --from}, one over the
 * tables of an existing bronze schema. It takes the connection options of the other commands
 * but no --project-dir or --target: there is no project yet.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a new project into DIR (default: the current folder): vault.yml, models/, seeds/ and .gitignore. "
                + "It never overwrites a project: a vault.yml in DIR stops it with exit code 8 and nothing written.",
                "With --from CATALOG.SCHEMA it reads information_schema of the existing bronze tables (on --jdbc-url, else the embedded "
                        + "engine on --warehouse, by default DIR/.vault/warehouse) and writes a source per table, with its columns and types, "
                        + "and a stage per source, with a guessed load timestamp."})
final class InitCommand
        extends ConsoleCommand
{
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of the new project; made if missing (default: the current folder).")
    Path directory = Path.of(".");

    @Option(names = "--from", paramLabel = "CATALOG.SCHEMA", description = "Read the tables of this bronze schema, e.g. iceberg.airbyte, and write their sources and stages.")
    String from;

    @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the folder's name, in lower case with underscores).")
    String name;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Read the bronze tables from this Trino cluster, e.g. jdbc:trino://host:8080/iceberg; "
            + "vault.yml gets it as its 'cluster' target. Never put a password in it.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Trino user (default: 'vault').")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the Trino password; vault.yml names it, never the password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the Trino password, e.g. a mounted secret.")
    Path passwordFile;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse folder of the embedded engine holding the bronze tables (default: DIR/.vault/warehouse).")
    Path warehouse;

    @Override
    public Integer call()
    {
        if (from == null && (jdbcUrl != null || warehouse != null || user != null || passwordEnv != null || passwordFile != null)) {
            throw usage("--jdbc-url, --user, --password-env, --password-file and --warehouse say where to read the bronze tables of --from; give --from CATALOG.SCHEMA too");
        }
        Reporter reporter = Reporter.of(Reporter.LogFormat.TEXT, console);
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(directory)
                .listener(reporter)
                .engineLog(Path.of("logs", "trino.log"));
        if (jdbcUrl != null) {
            configuration.jdbcUrl(jdbcUrl);
        }
        if (user != null) {
            configuration.user(user);
        }
        if (passwordEnv != null) {
            configuration.passwordEnvironmentVariable(passwordEnv);
        }
        if (passwordFile != null) {
            configuration.passwordFile(passwordFile);
        }
        if (warehouse != null) {
            configuration.warehouse(warehouse);
        }
        InitOptions options = from == null ? InitOptions.example() : InitOptions.fromBronze(from);
        if (name != null) {
            options = options.withName(name);
        }
        InitResult result = configuration.init(options);
        result.files().forEach(file -> reporter.message("wrote " + file));
        result.warnings().forEach(warning -> console.err().println("warning: " + warning));
        Path shown = relative(result.directory());
        String cd = shown.toString().isEmpty() ? "" : "cd " + shown + " && ";
        if (from == null) {
            reporter.message("Initialized vault project in %s. Next: %svault build".formatted(result.directory(), cd));
        }
        else {
            reporter.message("Initialized vault project in %s with %d source%s from %s. Next: %svault compile, then add hubs, links and satellites to models/ and vault run"
                    .formatted(result.directory(), result.sources().size(), result.sources().size() == 1 ? "" : "s", from, cd));
        }
        return SUCCESS;
    }

    private static Path relative(Path path)
    {
        Path current = Path.of("").toAbsolutePath();
        return path.startsWith(current) ? current.relativize(path) : path;
    }
}
