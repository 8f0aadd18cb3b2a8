package dev.vault.examples;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.DataTestResult;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.TestResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * vault used as a library: what {@code ./vault build} does, from Java. Loads a project, seeds the
 * bronze tables from its CSV files, runs every model, runs the data tests, and prints one line
 * per model and test. Errors are handled by their {@link ErrorCode}, the same codes the CLI
 * turns into its exit status.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
 *      -cp target/classes:$(cat target/example.classpath) dev.vault.examples.EmbeddingExample [PROJECT_DIR [WAREHOUSE_DIR]]
 * </pre>
 */
public final class EmbeddingExample
{
    /** Exit status: as the CLI's (0 success, 1 a model failed, 3 invalid project, 4 engine unavailable, 5 data tests failed, 10 a bug). */
    public static final int SUCCESS = 0;

    private EmbeddingExample() {}

    public static void main(String[] args)
    {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        // the embedded engine keeps its Iceberg tables here; the target's own (.vault/warehouse) would do as well
        Path warehouse = args.length > 1 ? Path.of(args[1]) : project.resolve(".vault/warehouse");
        System.exit(run(project, warehouse, System.out, System.err));
    }

    /** Loads the project, builds it (seed, run, test) and returns the exit status. */
    public static int run(Path project, Path warehouse, PrintStream out, PrintStream err)
    {
        try (Vault vault = open(project, warehouse, out)) {
            return build(vault, out).exitStatus();
        }
        catch (VaultException e) {
            return handle(e, err);
        }
    }

    /**
     * Loads and validates the project; no engine is started yet (that happens on the first
     * command, and {@link Vault#close()} stops it).
     *
     * @throws VaultException {@link ErrorCode#INVALID_PROJECT} listing every problem, with file:line:column
     */
    public static Vault open(Path project, Path warehouse, PrintStream out)
    {
        return Vault.configure()
                .projectDirectory(project)
                .warehouse(warehouse)
                // the engine's own log goes to <target-path>/logs/trino.log, not to our console
                .engineLog(Path.of("logs", "trino.log"))
                .listener(new PrintingListener(out))
                .load();
    }

    /** Seed, run and test on one engine, like {@code vault build}; stops at the first step that fails. */
    public static Outcome build(Vault vault, PrintStream out)
    {
        out.printf("Project %s on %s%n", vault.project().config().name(), vault.targetDescription());

        RunResult seeded = vault.seed();
        summary(out, "Seed", seeded);
        if (!seeded.successful()) {
            return new Outcome(seeded, null, null, ErrorCode.MODEL_FAILED.exitCode());
        }

        RunResult run = vault.run();
        summary(out, "Run", run);
        if (!run.successful()) {
            // the failed models' tables are unchanged, the models reading them were skipped, the rest ran
            run.failures().forEach(failure -> out.printf("  %s: %s%n", failure.model(), failure.error().orElse("failed")));
            return new Outcome(seeded, run, null, ErrorCode.MODEL_FAILED.exitCode());
        }

        TestResult tests = vault.test();
        out.printf("Test: %d passed, %d failed in %s%n", tests.tests().size() - tests.failures().size(), tests.failures().size(), seconds(tests.duration()));
        return new Outcome(seeded, run, tests, tests.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode());
    }

    /** What an application does with each kind of error: the code says who has to act. */
    public static int handle(VaultException e, PrintStream err)
    {
        String advice = switch (e.errorCode()) {
            // a model's SQL failed on the engine: fix the model, or retry if the cluster had a hiccup
            case MODEL_FAILED -> "a model or query failed";
            // the call named a hub, stage or record the project does not have (the CLI's exit 2)
            case USAGE -> "nothing by that name in the project";
            // vault.yml or a model file is wrong: nothing ran, and retrying will not help
            case INVALID_PROJECT -> "the project is invalid; fix the files listed below (nothing ran)";
            // the embedded engine could not start, or the cluster is down: worth retrying later
            case ENGINE_UNAVAILABLE -> "the engine could not be started or reached; try again later";
            case TEST_FAILED -> "data tests failed";
            // another run of the project held the run lock too long: wait, or 'vault unlock' after a crash
            case LOCKED -> "another run of this project is going on";
            // not an error: vault plan found work for a run (the CLI's exit 7); an application does not get it thrown
            case PLAN_HAS_WORK -> "a plan found work";
            // vault init found a project where it would write one; it wrote nothing
            case PROJECT_EXISTS -> "the folder already holds a project";
            case INTERNAL -> "a bug in vault; please report it";
        };
        err.printf("error: %s%n%s%n", advice, e.getMessage());
        return e.errorCode().exitCode();
    }

    private static void summary(PrintStream out, String step, RunResult result)
    {
        long failed = result.models().stream().filter(model -> model.status() == ModelResult.Status.FAILED).count();
        long skipped = result.models().stream().filter(model -> model.status() == ModelResult.Status.SKIPPED).count();
        out.printf("%s: %d done, %d failed, %d skipped, %d rows written in %s%n",
                step, result.models().size() - failed - skipped, failed, skipped, result.rowsWritten(), seconds(result.duration()));
    }

    private static String seconds(Duration duration)
    {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * What the example did.
     *
     * @param seed the seed step's results
     * @param run the run's results; null when the seed failed
     * @param tests the data tests' results; null when the seed or the run failed
     * @param exitStatus as the CLI's
     */
    public record Outcome(RunResult seed, RunResult run, TestResult tests, int exitStatus)
    {
        public Outcome
        {
            requireNonNull(seed, "seed is null");
        }

        public boolean successful()
        {
            return exitStatus == SUCCESS;
        }
    }

    /** Prints one line per model and test as they finish, as the CLI does. */
    public static final class PrintingListener
            implements VaultListener
    {
        private final PrintStream out;

        public PrintingListener(PrintStream out)
        {
            this.out = requireNonNull(out, "out is null");
        }

        @Override
        public void engineStarting(String description)
        {
            out.println(description + " ...");
        }

        @Override
        public void engineReady(String description, Duration startup)
        {
            out.printf("Engine ready in %s%n", seconds(startup));
        }

        @Override
        public void modelProgress(String model, String message)
        {
            out.printf("  %s: %s%n", model, message);
        }

        @Override
        public void modelFinished(ModelResult result, int index, int total)
        {
            String rows = result.rowsWritten().isPresent() ? Long.toString(result.rowsWritten().getAsLong()) : "-";
            out.printf("%3d/%-3d %-10s %-9s %-28s %6s rows  %-45s %s%n",
                    index, total, result.status().name().toLowerCase(Locale.ROOT), result.kind().name().toLowerCase(Locale.ROOT),
                    result.model(), rows, result.detail(), seconds(result.duration()));
            result.error().ifPresent(error -> out.println("        " + error));
        }

        @Override
        public void testFinished(DataTestResult result, int index, int total)
        {
            String status = result.passed() ? "pass" : result.failingRows().isPresent() ? "FAIL" : "ERROR";
            out.printf("%3d/%-3d %-5s %-50s %s%n", index, total, status, result.name(),
                    result.error().orElse(result.failingRows().map(rows -> rows + " failing rows").orElse("")));
        }
    }
}
