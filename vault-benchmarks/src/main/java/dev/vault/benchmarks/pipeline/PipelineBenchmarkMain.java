package dev.vault.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.base.Stopwatch;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.embedded.EmbeddedTrino;
import dev.vault.sql.IdentitySql;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ./bench pipeline}: the whole pipeline of the example project on the embedded Trino, at
 * several sizes on one engine (see {@link PipelineBenchmark}); prints a table and writes JSON.
 */
public final class PipelineBenchmarkMain
{
    private static final String USAGE = """
            usage: ./bench pipeline [options]
              --leads N[,N...]    sizes of the full load, in leads (default 10000,100000); 10k, 100k or 1m work too
              --batch N           after the 1% batch and the no-op, append N more leads (half new, half changed) and run again:
                                  the same batch at every size, to show its cost does not grow with the history (default 1000; 0: skip)
              --seed S            generator seed (default 20261101)
              --json FILE         where to write the results (default vault-benchmarks/target/pipeline-<date>.json)
              --work DIR          the project copies, warehouse and engine log (default vault-benchmarks/target/pipeline-work, emptied first)
              --no-compare        compare only row counts of vault's tables and the floor's, not their rows (the default at 1m and above,
                                  where the bridge alone holds some 20 million rows)
              --compare-rows      compare the rows (EXCEPT ALL both ways) at every size, 1m included
              --repository DIR    where vault.yml and models/ of the example are (default: the current directory)
              --note TEXT         the conditions measured under, written to the JSON (e.g. "quiet machine")
            """;

    private PipelineBenchmarkMain() {}

    public static void main(String[] args)
            throws IOException
    {
        // the embedded engine's logging takes System.out and System.err over when it starts; keep the real ones
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<Integer> sizes = List.of(10_000, 100_000);
        long seed = 20261101L;
        int batch = 1_000;
        Path json = Path.of("vault-benchmarks", "target", "pipeline-" + LocalDate.now(ZoneOffset.UTC) + ".json");
        Path work = Path.of("vault-benchmarks", "target", "pipeline-work");
        Path repository = Path.of(".");
        Optional<Boolean> compare = Optional.empty();
        String note = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--leads" -> sizes = Arrays.stream(value(args, ++i).split(",")).map(PipelineBenchmarkMain::size).toList();
                case "--batch" -> batch = size(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--json" -> json = Path.of(value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--repository" -> repository = Path.of(value(args, ++i));
                case "--no-compare" -> compare = Optional.of(false);
                case "--compare-rows" -> compare = Optional.of(true);
                case "--note" -> note = value(args, ++i);
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("unknown option: " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        int status = 0;
        try {
            run(out, sizes, batch, seed, json, work.toAbsolutePath().normalize(), repository.toAbsolutePath().normalize(), compare, note);
        }
        catch (RuntimeException e) {
            e.printStackTrace(err);
            status = 1;
        }
        // the engine is closed, but leaves threads behind
        System.exit(status);
    }

    private static void run(PrintStream out, List<Integer> sizes, int batch, long seed, Path json, Path work, Path repository, Optional<Boolean> compare, String note)
            throws IOException
    {
        PipelineBenchmark.deleteTree(work);
        Files.createDirectories(work);
        Path log = work.resolve("trino.log");
        out.printf("pipeline benchmark: %s leads, %d cores, max heap %,d MB; engine log %s%n", sizes, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, log);
        Stopwatch starting = Stopwatch.createStarted();
        List<PipelineBenchmark.Result> results = new ArrayList<>();
        Duration engineStart;
        try (EmbeddedTrino engine = EmbeddedTrino.start(work.resolve("warehouse"), "iceberg", OptionalInt.empty(), Optional.of(log))) {
            String jdbcUrl = engine.jdbcUrl() + "/iceberg";
            createIdentityFunctions(jdbcUrl);
            engineStart = starting.elapsed();
            out.printf(Locale.ROOT, "engine started in %.1f s%n", PipelineBenchmark.seconds(engineStart));
            for (int leads : sizes) {
                out.printf("%n== %,d leads%n", leads);
                results.add(PipelineBenchmark.run(jdbcUrl, repository, work, label(leads), leads, Math.min(batch, leads), seed,
                        compare.orElse(leads < 1_000_000), line -> out.println("  " + line)));
                // after every size, so that a long run that is stopped still leaves the sizes it finished
                writeJson(json, results, engineStart, note);
            }
        }
        out.println();
        out.print(PipelineReport.table(results));
        out.println();
        out.print(PipelineReport.targets(results, engineStart));
        out.println();
        out.print(PipelineReport.profile(results));
        out.println("wrote " + json);
    }

    private static void writeJson(Path json, List<PipelineBenchmark.Result> results, Duration engineStart, String note)
            throws IOException
    {
        Map<String, Object> report = PipelineReport.json(results, engineStart, note, Instant.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), ManagementFactory.getRuntimeMXBean().getVmVersion());
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    }

    /** As the runner does when it starts an embedded engine: the identity functions, callable in plain SQL. */
    static void createIdentityFunctions(String jdbcUrl)
    {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "vault", null);
                Statement statement = connection.createStatement()) {
            for (String function : new IdentitySql(IdentitySettings.defaults()).functions(EmbeddedTrino.FUNCTION_CATALOG, EmbeddedTrino.FUNCTION_SCHEMA)) {
                statement.execute(function);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create the identity functions", e);
        }
    }

    /** 10000, 10k, 1m. */
    static int size(String text)
    {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        if (lower.endsWith("k")) {
            return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1_000;
        }
        if (lower.endsWith("m")) {
            return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1_000_000;
        }
        return Integer.parseInt(lower);
    }

    /** A schema suffix for a size: 10k, 1m, 500. */
    static String label(int leads)
    {
        if (leads % 1_000_000 == 0) {
            return leads / 1_000_000 + "m";
        }
        return leads % 1_000 == 0 ? leads / 1_000 + "k" : String.valueOf(leads);
    }

    private static String value(String[] args, int index)
    {
        if (index >= args.length) {
            System.err.print(args[index - 1] + " needs a value\n" + USAGE);
            System.exit(2);
        }
        return args[index];
    }
}
