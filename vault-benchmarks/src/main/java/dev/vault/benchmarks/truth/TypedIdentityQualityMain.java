package dev.vault.benchmarks.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableList;
import dev.vault.benchmarks.truth.PersonRecordsGenerator.Shape;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Comparison;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Configuration;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Key;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Part;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Score;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentityUnifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.vault.benchmarks.truth.TypedIdentityQuality.Column.BIRTH_DATE;
import static dev.vault.benchmarks.truth.TypedIdentityQuality.Column.EMAIL;
import static dev.vault.benchmarks.truth.TypedIdentityQuality.Column.NAME;
import static dev.vault.benchmarks.truth.TypedIdentityQuality.Column.NATIONAL_ID;
import static dev.vault.benchmarks.truth.TypedIdentityQuality.Column.POSTCODE;
import static dev.vault.core.identity.IdentityPartKind.DATE;
import static dev.vault.core.identity.IdentityPartKind.DOCUMENT;
import static dev.vault.core.identity.IdentityPartKind.PHONETIC_PT;
import static dev.vault.core.identity.IdentityPartKind.SORTED_NAME;

/**
 * {@code ./bench persons}: the quality of identity resolution on labelled person records of the
 * two shapes of issue 12, before (the keys {@code identity: keys:} allowed: name, email and
 * phone) and after (typed key parts and comparison steps): pairwise precision, recall and F1
 * after transitive union, per configuration and shape; writes the report as JSON.
 */
public final class TypedIdentityQualityMain
{
    public static final long DEFAULT_SEED = 20261202L;
    public static final int DEFAULT_PERSONS = 20_000;

    private static final Part NAME_PART = new Part("name", IdentityPartKind.NAME, NAME);
    private static final Part EMAIL_PART = new Part("email", IdentityPartKind.EMAIL, EMAIL);
    private static final Part BIRTH_DATE_PART = new Part("birth_date", DATE, BIRTH_DATE);
    private static final Part SORTED_NAME_PART = new Part("sorted_name", SORTED_NAME, NAME);
    private static final Part INITIAL_SURNAME_PART = new Part("initial_surname", IdentityPartKind.INITIAL_SURNAME, NAME);
    private static final Part PHONETIC_PART = new Part("name_phonetic", PHONETIC_PT, NAME);
    private static final Part NATIONAL_ID_PART = new Part("national_id", DOCUMENT, NATIONAL_ID);
    private static final Part POSTCODE_PART = new Part("postcode", IdentityPartKind.POSTCODE, POSTCODE);
    private static final int MAX_BLOCK = 200;

    private TypedIdentityQualityMain() {}

    /** What {@code identity: keys:} allowed before typed parts, for these shapes (no phone in either). */
    static List<Configuration> before()
    {
        return List.of(
                new Configuration("default", "keys {email: [email], name_phone: [name, phone]}; no phone here, so email alone",
                        ImmutableList.of(key("email", EMAIL_PART)), ImmutableList.of(), 50),
                new Configuration("best-allowed", "keys {email: [email], name: [name]}",
                        ImmutableList.of(key("email", EMAIL_PART), key("name", NAME_PART)), ImmutableList.of(), 50));
    }

    /** Typed parts and comparison steps. */
    static List<Configuration> after()
    {
        Comparison nameTypos = new Comparison("cmp_name_within_dob", key("dob", BIRTH_DATE_PART), NAME_PART, 2, MAX_BLOCK);
        Comparison swappedTypos = new Comparison("cmp_sorted_name_within_dob", key("dob", BIRTH_DATE_PART), SORTED_NAME_PART, 2, MAX_BLOCK);
        Comparison dateTypos = new Comparison("cmp_dob_within_sorted_name", key("sorted_name", SORTED_NAME_PART), BIRTH_DATE_PART, 2, MAX_BLOCK);
        return List.of(
                new Configuration("name_dob", "keys {email: [email], name_dob: [name, birth_date]}",
                        ImmutableList.of(key("email", EMAIL_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART)), ImmutableList.of(), 50),
                new Configuration("phonetic", "keys {email}, {name, birth_date}, {sorted_name, birth_date}, {name_phonetic, birth_date}",
                        ImmutableList.of(key("email", EMAIL_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART),
                                key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART), key("phonetic_dob", PHONETIC_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(), 50),
                new Configuration("recommended-email", "keys {email}, {name, birth_date}, {sorted_name, birth_date}; "
                        + "comparisons: levenshtein(name) <= 2 and levenshtein(sorted_name) <= 2 within a birth date, levenshtein(birth_date) <= 2 within a sorted name",
                        ImmutableList.of(key("email", EMAIL_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART), key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(nameTypos, swappedTypos, dateTypos), 50),
                new Configuration("recommended-email-initial", "keys {email_initial: [email, initial_surname]}, {name, birth_date}, {sorted_name, birth_date}; "
                        + "comparisons as recommended-email: a family's shared email joins no siblings",
                        ImmutableList.of(key("email_initial", EMAIL_PART, INITIAL_SURNAME_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART),
                                key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(nameTypos, swappedTypos, dateTypos), 50),
                new Configuration("recommended-email-initial-keys-only", "recommended-email-initial without its comparisons: what the comparison step costs and adds",
                        ImmutableList.of(key("email_initial", EMAIL_PART, INITIAL_SURNAME_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART),
                                key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(), 50),
                new Configuration("names-only-email-initial", "recommended-email-initial without the birth-date comparison: the one that stays precise at 1M records (see docs/identity.md)",
                        ImmutableList.of(key("email_initial", EMAIL_PART, INITIAL_SURNAME_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART),
                                key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(nameTypos, swappedTypos), 50),
                new Configuration("recommended-id", "keys {national_id: [national_id document]}, {name, birth_date}, {sorted_name, birth_date}, {name, postcode}; "
                        + "comparisons as recommended-email, plus levenshtein(national_id) <= 1 within a birth date",
                        ImmutableList.of(key("national_id", NATIONAL_ID_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART),
                                key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART), key("name_postcode", NAME_PART, POSTCODE_PART)),
                        ImmutableList.of(nameTypos, swappedTypos, dateTypos,
                                new Comparison("cmp_id_within_dob", key("dob", BIRTH_DATE_PART), NATIONAL_ID_PART, 1, MAX_BLOCK)), 50),
                new Configuration("recommended-junk-off", "recommended-email with max-records-per-key: off",
                        ImmutableList.of(key("email", EMAIL_PART), key("name_dob", NAME_PART, BIRTH_DATE_PART), key("sorted_name_dob", SORTED_NAME_PART, BIRTH_DATE_PART)),
                        ImmutableList.of(nameTypos, swappedTypos, dateTypos), 0));
    }

    private static Key key(String name, Part... parts)
    {
        return new Key(name, ImmutableList.copyOf(parts));
    }

    /** The recommended configuration of a shape: the one the README's figures and the SQL run use by default. */
    static String recommended(Shape shape)
    {
        return switch (shape) {
            case NAME_DOB_EMAIL -> "recommended-email-initial";
            case NAME_DOB_ADDRESS_ID -> "recommended-id";
        };
    }

    static Configuration configuration(String name)
    {
        return after().stream().filter(configuration -> configuration.name().equals(name)).findFirst()
                .or(() -> before().stream().filter(configuration -> configuration.name().equals(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no configuration " + name + "; there are "
                        + Stream.concat(before().stream(), after().stream()).map(Configuration::name).toList()));
    }

    /** What each rule of the recommended configuration adds: the scores without it. */
    public record RuleScore(String rule, Score without) {}

    /** The SQL engine's persons for one configuration: its score, whether they are the in-memory persons, and its timings. */
    public record SqlScore(String configuration, Score score, boolean identicalPersons, boolean identicalJunk, double runSeconds, double identityHubSeconds,
            String identityHubDetail, double engineStartSeconds) {}

    public record ShapeReport(String shape, int records, int truePersons, List<Score> before, List<Score> after, String recommended,
            List<RuleScore> rules, List<TypedIdentityQuality.VariationScore> variations, List<SqlScore> sql) {}

    private static final String USAGE = "usage: ./bench persons [--persons N] [--seed S] [--json FILE] [--shape name_dob_email|name_dob_address_id] "
            + "[--engine memory|sql] [--config NAME]... [--work DIR]";

    public static void main(String[] args)
            throws IOException
    {
        PrintStream out = System.out;
        int persons = DEFAULT_PERSONS;
        long seed = DEFAULT_SEED;
        Path json = Path.of("vault-benchmarks", "target", "identity-persons.json");
        Path work = Path.of("vault-benchmarks", "target", "persons-sql");
        boolean sql = false;
        List<String> configurations = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--config" -> configurations.add(args[++i]);
                case "--shape" -> shapes.add(Shape.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                case "--engine" -> sql = switch (args[++i]) {
                    case "memory" -> false;
                    case "sql" -> true;
                    default -> usage();
                };
                default -> usage();
            }
        }
        configurations.forEach(TypedIdentityQualityMain::configuration);
        boolean agree = true;
        List<ShapeReport> reports = new ArrayList<>();
        for (Shape shape : shapes.isEmpty() ? List.of(Shape.values()) : shapes) {
            long start = System.nanoTime();
            List<PersonRecordsGenerator.PersonRecord> records = new PersonRecordsGenerator(seed).generate(shape, persons);
            out.printf(Locale.ROOT, "%s: %,d records of %,d persons (seed %d)%n", shape.name().toLowerCase(Locale.ROOT), records.size(), persons, seed);
            Configuration recommended = configuration(recommended(shape));
            List<Score> before = List.of();
            List<Score> after = List.of();
            List<RuleScore> rules = new ArrayList<>();
            List<TypedIdentityQuality.VariationScore> variations = List.of();
            IdentityUnifier.Result memory = null;
            if (configurations.isEmpty()) {
                // the whole report; with --config, only those configurations, as at 1M records, where each costs a minute in memory
                before = before().stream().map(configuration -> TypedIdentityQuality.score(configuration, records)).toList();
                after = after().stream().map(configuration -> TypedIdentityQuality.score(configuration, records)).toList();
                out.println(" before (name, email, phone only):");
                before.forEach(score -> out.print(score.format()));
                out.println(" after (typed parts, comparison steps):");
                after.forEach(score -> out.print(score.format()));

                memory = TypedIdentityQuality.unify(recommended, records);
                out.printf(Locale.ROOT, " what each rule of %s adds (the scores without it):%n", recommended.name());
                Score all = TypedIdentityQuality.score(recommended, records, memory);
                for (String rule : TypedIdentityQuality.rules(recommended)) {
                    Score without = TypedIdentityQuality.score(TypedIdentityQuality.without(recommended, rule), records);
                    rules.add(new RuleScore(rule, without));
                    out.printf(Locale.ROOT, "    without %-28s P %.3f (%+.3f)  R %.3f (%+.3f)  F1 %.3f%n", rule, without.precision(), without.precision() - all.precision(),
                            without.recall(), without.recall() - all.recall(), without.f1());
                }
                variations = TypedIdentityQuality.variations(records, memory.personOf());
                out.printf(Locale.ROOT, " variations under %s (pairs with at least one record of the variation; worst recall first):%n", recommended.name());
                variations.forEach(variation -> out.print(variation.format()));
            }

            if (!configurations.isEmpty() && !sql) {
                out.println(" in memory (IdentityUnifier):");
                after = configurations.stream().map(name -> TypedIdentityQuality.score(configuration(name), records)).toList();
                after.forEach(score -> out.print(score.format()));
            }
            List<SqlScore> sqlScores = new ArrayList<>();
            if (sql) {
                for (String name : configurations.isEmpty() ? List.of(recommended.name()) : configurations) {
                    Configuration configuration = configuration(name);
                    out.printf(Locale.ROOT, " SQL on the embedded Trino, %s:%n", name);
                    Path folder = work.toAbsolutePath().normalize().resolve(shape.name().toLowerCase(Locale.ROOT) + "-" + name);
                    SqlUnification.deleteTree(folder);
                    SqlPersonResolution.Outcome outcome = SqlPersonResolution.run(configuration, records, folder, line -> out.println("    " + line));
                    long unifying = System.nanoTime();
                    IdentityUnifier.Result inMemory = name.equals(recommended.name()) && memory != null ? memory : TypedIdentityQuality.unify(configuration, records);
                    out.printf(Locale.ROOT, "    in memory (IdentityUnifier): %.1f s%n", (System.nanoTime() - unifying) / 1e9);
                    PartitionComparison comparison = PartitionComparison.of("memory", inMemory.personOf(), "sql", outcome.result().personOf());
                    boolean sameJunk = Set.copyOf(inMemory.junkKeys()).equals(Set.copyOf(outcome.result().junkKeys()));
                    Score score = TypedIdentityQuality.score(configuration, records, outcome.result());
                    out.print(score.format());
                    out.print("    " + comparison.format(10));
                    out.printf(Locale.ROOT, "    junk keys and skipped blocks: %s%n", sameJunk ? "the same as in memory" : "DIFFERENT from memory: "
                            + outcome.result().junkKeys().size() + " vs " + inMemory.junkKeys().size());
                    out.print(outcome.formatTimings());
                    agree &= comparison.agree() && sameJunk;
                    sqlScores.add(new SqlScore(name, score, comparison.agree(), sameJunk, SqlPersonResolution.seconds(outcome.run().duration()),
                            SqlPersonResolution.seconds(outcome.identityHub().duration()), outcome.identityHub().detail(),
                            SqlPersonResolution.seconds(outcome.engineStart())));
                }
            }
            out.printf(Locale.ROOT, " %.1f s%n%n", (System.nanoTime() - start) / 1e9);
            reports.add(new ShapeReport(shape.name().toLowerCase(Locale.ROOT), records.size(), persons, before, after, recommended.name(), rules, variations,
                    sqlScores));
        }
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("seed", seed);
        report.put("persons", persons);
        report.put("shapes", reports);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        out.println("wrote " + json);
        if (!agree) {
            System.err.println("persons: the SQL engine's persons or junk keys differ from the in-memory ones");
            System.exit(1);
        }
    }

    private static boolean usage()
    {
        System.err.println(USAGE);
        System.exit(2);
        return false;
    }
}
