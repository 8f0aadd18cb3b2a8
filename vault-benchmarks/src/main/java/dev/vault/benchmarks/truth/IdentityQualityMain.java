package dev.vault.benchmarks.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.IdentityUnifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./bench quality}: generates leads with a known truth, unifies them with
 * {@link IdentityUnifier} ({@code --engine memory}, the default) or with the real SQL on the
 * embedded Trino ({@code --engine sql}, see {@link SqlUnification}), and prints pairwise
 * precision, recall and F1, cluster counts and the junk-key report; writes the report as JSON.
 * The SQL engine also prints its timings and whether SQL and memory found the same persons.
 */
public final class IdentityQualityMain
{
    public static final long DEFAULT_SEED = 20261101L;
    public static final int DEFAULT_PERSONS = 20_000;

    private static final String USAGE = """
            usage: ./bench quality [options]
              --persons N                real persons to generate (default 20000; ~2.6 leads each, plus test submissions)
              --seed S                   generator seed (default 20261101); the same seed gives the same data
              --json FILE                where to write the report as JSON (default vault-benchmarks/target/identity-quality.json)
              --csv DIR                  also write the leads as the three source CSVs and truth.csv into DIR
              --key NAME=PART[+PART...]  a matching key (repeatable; replaces the default keys), parts: name, email, phone
              --max-records-per-key N    the junk limit (default 50)
              --engine memory|sql        unify in memory with IdentityUnifier (default), or seed the leads into a copy of the
                                         example project (vault.yml, models/) and run it on the embedded Trino
              --work DIR                 sql: keep the copied project, the warehouse and the engine log (.vault/logs/trino.log)
                                         in DIR (default: a temporary folder, deleted after a successful run)
              --repository DIR           sql: where vault.yml and models/ of the example are (default: the current directory)
            """;

    private IdentityQualityMain() {}

    public static void main(String[] args)
            throws IOException
    {
        // the embedded engine's logging takes System.out over when it starts; keep the real one
        PrintStream out = System.out;
        PrintStream err = System.err;
        int persons = DEFAULT_PERSONS;
        long seed = DEFAULT_SEED;
        Path json = null;
        Path csv = null;
        String engine = "memory";
        Path work = null;
        Path repository = Path.of(".");
        List<IdentityKey> keys = new ArrayList<>();
        IdentitySettings defaults = IdentitySettings.defaults();
        int maxRecordsPerKey = defaults.maxRecordsPerKey();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--persons" -> persons = Integer.parseInt(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--csv" -> csv = Path.of(value(args, ++i, arg));
                case "--key" -> keys.add(parseKey(value(args, ++i, arg)));
                case "--max-records-per-key" -> maxRecordsPerKey = Integer.parseInt(value(args, ++i, arg));
                case "--engine" -> engine = value(args, ++i, arg);
                case "--work" -> work = Path.of(value(args, ++i, arg));
                case "--repository" -> repository = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("unknown option: " + arg + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        if (!engine.equals("memory") && !engine.equals("sql")) {
            System.err.print("--engine is memory or sql, not " + engine + "\n" + USAGE);
            System.exit(2);
        }
        IdentitySettings settings = new IdentitySettings(defaults.defaultCountry(),
                keys.isEmpty() ? defaults.keys() : ImmutableList.copyOf(keys), maxRecordsPerKey);
        if (json == null) {
            json = Path.of("vault-benchmarks", "target", engine.equals("sql") ? "identity-quality-sql.json" : "identity-quality.json");
        }
        if (engine.equals("sql")) {
            int status;
            try {
                status = runSql(out, err, persons, seed, settings, repository, work, json, csv);
            }
            catch (IOException | RuntimeException e) {
                e.printStackTrace(err);
                status = 1;
            }
            // the engine is stopped, but leaves no reason to wait for threads
            System.exit(status);
        }

        long start = System.nanoTime();
        GroundTruth truth = new GroundTruthGenerator(seed).generate(persons);
        long generated = System.nanoTime();
        IdentityHasher hasher = new IdentityHasher(settings);
        List<IdentityUnifier.Lead> leads = truth.leads().stream()
                .map(lead -> new IdentityUnifier.Lead(lead.recordId(), lead.name(), lead.email(), lead.phone()))
                .toList();
        IdentityUnifier.Result result = new IdentityUnifier(hasher).unify(leads);
        long unified = System.nanoTime();
        QualityReport report = QualityReport.of(truth, result, hasher);

        out.print(report.format());
        out.printf(Locale.ROOT, "%ngenerated %,d leads in %.1f s; unified them in %.2f s%n",
                truth.leads().size(), (generated - start) / 1e9, (unified - generated) / 1e9);
        if (csv != null) {
            List<Path> files = LeadCsvWriter.write(csv, truth.leads());
            out.println("wrote " + files);
        }
        writeJson(json, report);
        out.println("wrote " + json);
    }

    /** The report of an {@code --engine sql} run, as JSON: the quality report, the SQL timings, and whether memory agrees. */
    public record SqlRunJson(String engine, QualityReport report, Map<String, Object> sql, boolean agreesWithMemory, String agreement) {}

    /** {@code --engine sql}: returns the exit code (0, or 1 when SQL and memory disagree). */
    private static int runSql(PrintStream out, PrintStream err, int persons, long seed, IdentitySettings settings, Path repository, Path work, Path json, Path csv)
            throws IOException
    {
        long start = System.nanoTime();
        GroundTruth truth = new GroundTruthGenerator(seed).generate(persons);
        long generated = System.nanoTime();
        out.printf(Locale.ROOT, "generated %,d leads of %,d persons in %.1f s%n", truth.leads().size(), truth.truePersons(), (generated - start) / 1e9);
        if (csv != null) {
            out.println("wrote " + LeadCsvWriter.write(csv, truth.leads()));
        }

        boolean temporary = work == null;
        Path folder = temporary ? Files.createTempDirectory("vault-quality-") : work.toAbsolutePath().normalize();
        if (!temporary) {
            SqlUnification.deleteTree(folder.resolve("project"));
            SqlUnification.deleteTree(folder.resolve("warehouse"));
        }
        out.println("running the example project on the embedded Trino in " + folder + " (engine log: "
                + folder.resolve("project").resolve(".vault").resolve(SqlUnification.ENGINE_LOG) + ")");
        SqlUnification.Outcome sql;
        try {
            sql = SqlUnification.run(truth, settings, repository.toAbsolutePath().normalize(), folder, line -> out.println("  " + line));
        }
        catch (RuntimeException e) {
            out.flush();
            err.println("the SQL unification failed; its project, warehouse and engine log are kept in " + folder);
            throw e;
        }
        long ran = System.nanoTime();

        IdentityHasher hasher = new IdentityHasher(settings);
        QualityReport report = QualityReport.of(truth, sql.result(), hasher);
        List<IdentityUnifier.Lead> leads = truth.leads().stream()
                .map(lead -> new IdentityUnifier.Lead(lead.recordId(), lead.name(), lead.email(), lead.phone()))
                .toList();
        IdentityUnifier.Result memory = new IdentityUnifier(hasher).unify(leads);
        EngineAgreement agreement = EngineAgreement.of(truth, hasher, memory, sql);

        out.println();
        out.print(report.format());
        out.println();
        out.print(sql.formatTimings());
        out.printf(Locale.ROOT, "  %-34s %10.1f s%n", "total (engine start to persons read)", (ran - generated) / 1e9);
        out.println();
        out.print("SQL against the in-memory IdentityUnifier on the same leads: " + agreement.format(20));

        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("engineStartSeconds", SqlUnification.seconds(sql.engineStart()));
        timings.put("seedSeconds", SqlUnification.seconds(sql.seed().duration()));
        timings.put("seedRowsPerTable", SqlUnification.SEED_ROWS);
        timings.put("appendSeconds", SqlUnification.seconds(sql.append().duration()));
        timings.put("appendRows", sql.append().rows());
        timings.put("appendStatements", sql.append().statements());
        timings.put("runSeconds", SqlUnification.seconds(sql.run().duration()));
        timings.put("identityHub", sql.identityHub().model());
        timings.put("identityHubSeconds", SqlUnification.seconds(sql.identityHub().duration()));
        timings.put("identityHubDetail", sql.identityHub().detail());
        timings.put("rounds", sql.rounds());
        timings.put("readSeconds", SqlUnification.seconds(sql.read()));
        Map<String, Object> models = new LinkedHashMap<>();
        sql.run().models().forEach(model -> models.put(model.model(), Map.of("seconds", SqlUnification.seconds(model.duration()), "detail", model.detail())));
        timings.put("models", models);
        writeJson(json, new SqlRunJson("sql", report, timings, agreement.agree(), agreement.format(20)));
        out.println("wrote " + json);

        if (temporary && agreement.agree()) {
            SqlUnification.deleteTree(folder);
        }
        else if (temporary) {
            out.println("kept the project, warehouse and engine log in " + folder);
        }
        return agreement.agree() ? 0 : 1;
    }

    private static void writeJson(Path json, Object value)
            throws IOException
    {
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), value);
    }

    private static String value(String[] args, int index, String option)
    {
        if (index >= args.length) {
            System.err.print(option + " needs a value\n" + USAGE);
            System.exit(2);
        }
        return args[index];
    }

    /** {@code name_email_phone=name+email+phone}. */
    static IdentityKey parseKey(String text)
    {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("a key is NAME=PART[+PART...]: " + text);
        }
        ImmutableSortedSet<IdentityPart> parts = Arrays.stream(text.substring(equals + 1).split("[+,]"))
                .map(part -> IdentityPart.valueOf(part.strip().toUpperCase(Locale.ROOT)))
                .collect(ImmutableSortedSet.toImmutableSortedSet(Enum::compareTo));
        return new IdentityKey(text.substring(0, equals), parts);
    }
}
