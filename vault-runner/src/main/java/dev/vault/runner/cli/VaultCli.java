package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.ModelSelector;
import dev.vault.core.model.Source;
import dev.vault.core.project.ProjectConfig;
import dev.vault.runner.Artifacts;
import dev.vault.runner.RunResult;
import dev.vault.runner.TestResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code vault} command. Exit codes: 0 success; 1 a model or query failed; 2 bad command
 * line; 3 invalid project or model files (nothing was run); 4 the engine could not be started or
 * reached; 5 data tests failed; 10 a bug in vault.
 */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        versionProvider = VaultCli.Version.class,
        description = "Data Vault 2.0 models compiled to Trino SQL and run on Apache Iceberg.",
        subcommands = {
                VaultCli.Build.class,
                VaultCli.Seed.class,
                VaultCli.Run.class,
                VaultCli.Test.class,
                VaultCli.Compile.class,
                VaultCli.Docs.class,
                VaultCli.Query.class,
                VaultCli.Serve.class,
                VaultCli.Hash.class,
                VaultCli.Retry.class,
                VaultCli.Unlock.class,
                VaultCli.Reconcile.class,
                FreshnessCommand.class,
                UpkeepCommands.Maintain.class,
                UpkeepCommands.Status.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 model or query failed, 2 bad command line, 3 invalid project, 4 engine unavailable, 5 data tests failed or a source is stale, 6 run lock held."})
public final class VaultCli
{
    static final int SUCCESS = 0;

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
        commandLine.setOut(new java.io.PrintWriter(console.out(), true));
        commandLine.setErr(new java.io.PrintWriter(console.err(), true));
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof VaultException vaultException) {
                Reporter.LogFormat format = command.getCommand() instanceof ConsoleCommand consoleCommand ? consoleCommand.logFormat : Reporter.LogFormat.TEXT;
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
            if (ConsoleCommand.class.isAssignableFrom(type)) {
                K command = CommandLine.defaultFactory().create(type);
                ((ConsoleCommand) command).console = console;
                return command;
            }
            if (type == Hash.class) {
                Hash command = new Hash();
                command.console = console;
                return type.cast(command);
            }
            return CommandLine.defaultFactory().create(type);
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

    abstract static class ConsoleCommand
            implements Callable<Integer>
    {
        Console console;

        @Mixin
        ConnectionOptions connection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (lines for people, default) or json (one JSON object per event, for orchestrators).",
                defaultValue = "text", converter = LogFormatConverter.class)
        Reporter.LogFormat logFormat = Reporter.LogFormat.TEXT;

        CommandLine.ParameterException usage(String message)
        {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }

        Reporter reporter()
        {
            return Reporter.of(logFormat, console);
        }

        Vault load(Reporter reporter)
        {
            return connection.configuration(reporter).load();
        }

        /** Leaves run_results.json in the project's target path: what this command did, for people and 'vault retry'. */
        static void writeResults(Vault vault, String command, Instant started, List<RunResult> runs, TestResult tests)
        {
            List<Artifacts.ModelEntry> models = runs.stream()
                    .flatMap(run -> run.models().stream())
                    .map(Artifacts::entry)
                    .toList();
            List<Artifacts.TestEntry> testEntries = tests == null ? List.of()
                    : tests.tests().stream().map(Artifacts::entry).toList();
            boolean success = runs.stream().allMatch(RunResult::successful) && (tests == null || tests.successful());
            Artifacts.writeRunResults(vault.project().config().targetPath(), new Artifacts.RunResults(
                    Artifacts.RUN_RESULTS_SCHEMA,
                    command,
                    UUID.randomUUID().toString(),
                    started.toString(),
                    Duration.between(started, Instant.now()).toNanos() / 1e9,
                    vault.targetDescription(),
                    success,
                    models,
                    testEntries));
        }
    }

    static final class LogFormatConverter
            implements CommandLine.ITypeConverter<Reporter.LogFormat>
    {
        @Override
        public Reporter.LogFormat convert(String value)
        {
            return switch (value) {
                case "text" -> Reporter.LogFormat.TEXT;
                case "json" -> Reporter.LogFormat.JSON;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a log format: use text or json");
            };
        }
    }

    /** dbt's selection: which models a command runs. */
    static final class SelectionOptions
    {
        @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", split = "[\\s,]+",
                description = "Models to run: name, name+ (and what reads it), +name (and what it reads), tag:TAG; several are a union (default: all).")
        List<String> select = new ArrayList<>();

        @Option(names = "--exclude", paramLabel = "SELECTOR", split = "[\\s,]+", description = "Models to leave out, with the same syntax.")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Models to run at once; a model starts when the models it reads are done (default: ${DEFAULT-VALUE}).")
        int threads = 1;

        Set<String> selected(Vault vault)
        {
            return new ModelSelector(vault.project()).select(select, exclude);
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Seed, run and test: load the seed CSV files, run every model, then run the data tests (like dbt build).")
    static final class Build
            extends ConsoleCommand
    {
        @Mixin
        SelectionOptions selection;

        @Option(names = "--maintain", description = "After a successful run and the tests, maintain the selected models' tables as 'vault maintain' does.")
        boolean maintain;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            Instant started = Instant.now();
            try (Vault vault = load(reporter)) {
                Set<String> selected = selection.selected(vault);
                Artifacts.writeManifest(vault.project().config().targetPath(), vault.project(), vault.plan());
                RunResult seeded = vault.seed();
                reporter.summary("Seed", seeded);
                if (!seeded.successful()) {
                    writeResults(vault, "build", started, List.of(seeded), null);
                    return ErrorCode.MODEL_FAILED.exitCode();
                }
                RunResult run = vault.run(selected, selection.threads);
                reporter.summary("Run", run);
                if (!run.successful()) {
                    writeResults(vault, "build", started, List.of(seeded, run), null);
                    return ErrorCode.MODEL_FAILED.exitCode();
                }
                TestResult tests = vault.test(selected);
                reporter.summary(tests);
                writeResults(vault, "build", started, List.of(seeded, run), tests);
                if (maintain && !UpkeepCommands.maintain(vault, reporter, selected, "build").successful()) {
                    return ErrorCode.MODEL_FAILED.exitCode();
                }
                return tests.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
            }
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Replace the bronze tables that have CSV seed files with the files' rows (unchanged tables are left alone).")
    static final class Seed
            extends ConsoleCommand
    {
        @Option(names = "--seed-path", paramLabel = "DIR", description = "Seed from this folder instead of vault.yml's seed-paths (repeatable).")
        List<Path> seedPaths;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            Instant started = Instant.now();
            var configuration = connection.configuration(reporter);
            if (seedPaths != null) {
                configuration.seedPaths(seedPaths.stream().map(path -> path.toAbsolutePath().normalize()).toList());
            }
            try (Vault vault = configuration.load()) {
                RunResult result = vault.seed();
                reporter.summary("Seed", result);
                writeResults(vault, "seed", started, List.of(result), null);
                return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run every model in dependency order: staging views, insert-only loads of hubs, links and satellites, gold marts.")
    static final class Run
            extends ConsoleCommand
    {
        @Mixin
        SelectionOptions selection;

        @Option(names = "--maintain", description = "After a successful run, maintain the selected models' tables as 'vault maintain' does.")
        boolean maintain;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            Instant started = Instant.now();
            try (Vault vault = load(reporter)) {
                Set<String> selected = selection.selected(vault);
                Artifacts.writeManifest(vault.project().config().targetPath(), vault.project(), vault.plan());
                RunResult result = vault.run(selected, selection.threads);
                reporter.summary("Run", result);
                writeResults(vault, "run", started, List.of(result), null);
                if (result.successful() && maintain) {
                    return UpkeepCommands.maintain(vault, reporter, selected, "run").successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
                }
                return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Drop the project's run lock, left by a run that crashed. Only when no run of the project is going on.")
    static final class Unlock
            extends ConsoleCommand
    {
        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                Optional<String> holder = vault.unlock();
                reporter.message(holder.map(text -> "Dropped the run lock (" + text + ")").orElse("The project had no run lock"));
                return SUCCESS;
            }
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Account for every bronze row in every hub, link and satellite: loaded, or set aside with a reason. Exit 5 if a row is neither.")
    static final class Reconcile
            extends ConsoleCommand
    {
        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                var results = vault.reconcile();
                reporter.message("%-28s %-28s %12s %12s %12s %12s".formatted("model", "stage", "bronze rows", "loaded", "set aside", "unaccounted"));
                long unaccounted = 0;
                for (var result : results) {
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

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Run again only the models that failed or were skipped in the last run or build (from .vault/run_results.json).")
    static final class Retry
            extends ConsoleCommand
    {
        @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Models to run at once (default: ${DEFAULT-VALUE}).")
        int threads = 1;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            Instant started = Instant.now();
            try (Vault vault = load(reporter)) {
                var previous = Artifacts.readRunResults(vault.project().config().targetPath())
                        .orElseThrow(() -> new VaultException(ErrorCode.INVALID_PROJECT, "there are no run results in %s to retry from; run 'vault run' first"
                                .formatted(vault.project().config().targetPath().resolve(Artifacts.RUN_RESULTS))));
                Set<String> again = new LinkedHashSet<>();
                for (var entry : previous.results()) {
                    if ((entry.status().equals("failed") || entry.status().equals("skipped")) && vault.project().models().containsKey(entry.model())
                            && !(vault.project().model(entry.model()) instanceof Source)) {
                        again.add(entry.model());
                    }
                }
                if (again.isEmpty()) {
                    reporter.message("Nothing to retry: no model failed or was skipped in the last " + previous.command());
                    return SUCCESS;
                }
                RunResult result = vault.run(again, threads);
                reporter.summary("Retry", result);
                writeResults(vault, "retry", started, List.of(result), null);
                return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
            }
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the data tests: the Data Vault integrity checks (unique keys, keys present in their parents, no repeated satellite versions) and the tests in the models' YAML.")
    static final class Test
            extends ConsoleCommand
    {
        @Mixin
        SelectionOptions selection;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            Instant started = Instant.now();
            try (Vault vault = load(reporter)) {
                TestResult result = vault.test(selection.selected(vault));
                reporter.summary(result);
                writeResults(vault, "test", started, List.of(), result);
                return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
            }
        }
    }

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "Write the SQL of every model to a folder, one file per model; nothing runs.")
    static final class Compile
            extends ConsoleCommand
    {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write to (default: <target-path>/compiled, i.e. .vault/compiled).")
        Path output;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                Path folder = output != null ? output : vault.project().config().compiledPath();
                var files = vault.compile(folder);
                Artifacts.writeManifest(vault.project().config().targetPath(), vault.project(), vault.plan());
                files.forEach(file -> reporter.message(relative(file).toString()));
                reporter.message("Compiled %d models into %s".formatted(files.size(), relative(folder)));
                return SUCCESS;
            }
        }

        private static Path relative(Path path)
        {
            Path absolute = path.toAbsolutePath().normalize();
            Path current = Path.of("").toAbsolutePath();
            return absolute.startsWith(current) ? current.relativize(absolute) : absolute;
        }
    }

    @Command(name = "docs", mixinStandardHelpOptions = true,
            description = "Write a static HTML site documenting the project: models by layer, the DAG, columns, tests, compiled SQL and the last run; nothing runs.")
    static final class Docs
            extends ConsoleCommand
    {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write to (default: <target-path>/docs, i.e. .vault/docs).")
        Path output;

        @Override
        public Integer call()
        {
            Reporter reporter = reporter();
            try (Vault vault = load(reporter)) {
                Path folder = output != null ? output : vault.project().config().targetPath().resolve("docs");
                var site = vault.docs(folder);
                reporter.message("Wrote %d pages; open %s".formatted(site.pages().size(), site.index().toUri()));
                return SUCCESS;
            }
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, description = "Run a SQL query on the engine and print its rows.")
    static final class Query
            extends ConsoleCommand
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

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Print a lead's normalized name, email and phone and its matching keys, as the warehouse computes them (no engine needed).")
    static final class Hash
            implements Callable<Integer>
    {
        Console console;

        @Option(names = "--name", paramLabel = "NAME", description = "The person's name as written in the source.")
        String name;

        @Option(names = "--email", paramLabel = "EMAIL")
        String email;

        @Option(names = "--phone", paramLabel = "PHONE")
        String phone;

        @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR", description = "Folder with vault.yml, for its 'identity:' settings (default: the current folder; built-in defaults without one).")
        Path projectDirectory = Path.of(".");

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
                throws Exception
        {
            if (!format.equals("text") && !format.equals("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "': use text or json");
            }
            var settings = Files.isRegularFile(projectDirectory.resolve(ProjectConfig.FILE_NAME))
                    ? ProjectLoader.load(projectDirectory).config().identity()
                    : IdentitySettings.defaults();
            var hasher = new IdentityHasher(settings);
            var normalized = hasher.normalize(name, email, phone);
            var output = new LinkedHashMap<String, Object>();
            output.put("name", normalized.name());
            output.put("email", normalized.email());
            output.put("phone", normalized.phone());
            output.put("keys", hasher.keys(normalized));
            output.put("generate_person_hash", hasher.personHash(name, email, phone));
            switch (format) {
                case "json" -> console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(output));
                case "text" -> {
                    console.out().printf("name                  %s%n", text(normalized.name()));
                    console.out().printf("email                 %s%n", text(normalized.email()));
                    console.out().printf("phone                 %s%n", text(normalized.phone()));
                    for (var key : settings.keys()) {
                        console.out().printf("key %-17s %s%n", key.name(), text(hasher.keys(normalized).get(key.name())));
                    }
                    console.out().printf("generate_person_hash  %s%n", text(hasher.personHash(name, email, phone)));
                }
                default -> throw new IllegalStateException("format checked above: " + format);
            }
            return SUCCESS;
        }

        private static String text(String value)
        {
            return value == null ? "(none)" : value;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Keep the embedded engine running on a port so the Trino CLI, DBeaver or Superset can connect; stop with Ctrl-C.")
    static final class Serve
            extends ConsoleCommand
    {
        @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
        int port;

        @Override
        public Integer call()
                throws InterruptedException
        {
            if (connection.jdbcUrl != null) {
                throw usage("serve runs the embedded engine; it takes no --jdbc-url");
            }
            Vault vault = connection.configuration(reporter()).port(port).load();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                vault.close();
                stopped.countDown();
            }, "vault-serve-shutdown"));
            String url = vault.jdbcUrl();
            console.out().println();
            console.out().println("The embedded Trino is serving " + vault.project().config().catalog() + " from its warehouse.");
            console.out().println("  JDBC URL:   " + url + "   (user: any, no password)");
            console.out().println("  Trino CLI:  trino --server http://localhost:" + port + " --catalog " + vault.project().config().catalog());
            console.out().println("Stop with Ctrl-C.");
            stopped.await();
            return SUCCESS;
        }
    }
}
