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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    public record ShapeReport(String shape, int records, int truePersons, List<Score> before, List<Score> after) {}

    public static void main(String[] args)
            throws IOException
    {
        PrintStream out = System.out;
        int persons = DEFAULT_PERSONS;
        long seed = DEFAULT_SEED;
        Path json = Path.of("vault-benchmarks", "target", "identity-persons.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ./bench persons [--persons N] [--seed S] [--json FILE]");
                    System.exit(2);
                }
            }
        }
        List<ShapeReport> reports = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            long start = System.nanoTime();
            List<PersonRecordsGenerator.PersonRecord> records = new PersonRecordsGenerator(seed).generate(shape, persons);
            out.printf(Locale.ROOT, "%s: %,d records of %,d persons (seed %d)%n", shape.name().toLowerCase(Locale.ROOT), records.size(), persons, seed);
            List<Score> before = before().stream().map(configuration -> TypedIdentityQuality.score(configuration, records)).toList();
            List<Score> after = after().stream().map(configuration -> TypedIdentityQuality.score(configuration, records)).toList();
            out.println(" before (name, email, phone only):");
            before.forEach(score -> out.print(score.format()));
            out.println(" after (typed parts, comparison steps):");
            after.forEach(score -> out.print(score.format()));
            out.printf(Locale.ROOT, " %.1f s%n%n", (System.nanoTime() - start) / 1e9);
            reports.add(new ShapeReport(shape.name().toLowerCase(Locale.ROOT), records.size(), persons, before, after));
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
    }
}
