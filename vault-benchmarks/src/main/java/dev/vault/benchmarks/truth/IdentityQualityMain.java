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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./bench quality}: generates leads with a known truth, unifies them with
 * {@link IdentityUnifier} and prints pairwise precision, recall and F1, cluster counts and the
 * junk-key report; writes the report as JSON.
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
            """;

    private IdentityQualityMain() {}

    public static void main(String[] args)
            throws IOException
    {
        int persons = DEFAULT_PERSONS;
        long seed = DEFAULT_SEED;
        Path json = Path.of("vault-benchmarks", "target", "identity-quality.json");
        Path csv = null;
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
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("unknown option: " + arg + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        IdentitySettings settings = new IdentitySettings(defaults.defaultCountry(),
                keys.isEmpty() ? defaults.keys() : ImmutableList.copyOf(keys), maxRecordsPerKey);

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

        System.out.print(report.format());
        System.out.printf(Locale.ROOT, "%ngenerated %,d leads in %.1f s; unified them in %.2f s%n",
                truth.leads().size(), (generated - start) / 1e9, (unified - generated) / 1e9);
        if (csv != null) {
            List<Path> files = LeadCsvWriter.write(csv, truth.leads());
            System.out.println("wrote " + files);
        }
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("wrote " + json);
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
