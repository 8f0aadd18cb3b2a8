package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.IdentityUnifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Resolves labelled person records with typed key parts and comparisons in memory with vault's
 * own {@link IdentityUnifier} (the Java twin of the warehouse's SQL, proven equal by
 * TestIdentityComparisons), and scores the persons found against the truth: pairwise precision,
 * recall and F1 after transitive union.
 */
public final class TypedIdentityQuality
{
    /** A staged column of a person record, as a source would carry it. */
    public enum Column
    {
        NAME(PersonRecordsGenerator.PersonRecord::name),
        GIVEN_NAME(PersonRecordsGenerator.PersonRecord::givenName),
        SURNAME(PersonRecordsGenerator.PersonRecord::surname),
        BIRTH_DATE(PersonRecordsGenerator.PersonRecord::birthDate),
        EMAIL(PersonRecordsGenerator.PersonRecord::email),
        POSTCODE(PersonRecordsGenerator.PersonRecord::postcode),
        NATIONAL_ID(PersonRecordsGenerator.PersonRecord::nationalId);

        private final Function<PersonRecordsGenerator.PersonRecord, String> value;

        Column(Function<PersonRecordsGenerator.PersonRecord, String> value)
        {
            this.value = value;
        }

        /** The bronze column that holds it. */
        public String columnName()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        public String value(PersonRecordsGenerator.PersonRecord record)
        {
            return value.apply(record);
        }
    }

    /** A typed key part: a label, the kind fixing its normalization, and the column it reads. */
    public record Part(String label, IdentityPartKind kind, Column column)
    {
        public Part
        {
            requireNonNull(label, "label is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(column, "column is null");
        }
    }

    public record Key(String name, ImmutableList<Part> parts) {}

    /**
     * A comparison step: records sharing a value of the blocking key are compared pairwise and
     * joined when the part's normalized values are at most maxDistance edits apart (Trino's
     * levenshtein_distance); blocks of more than maxBlock records are skipped and counted.
     */
    public record Comparison(String name, Key block, Part compared, int maxDistance, int maxBlock) {}

    public record Configuration(String name, String description, ImmutableList<Key> keys, ImmutableList<Comparison> comparisons, int maxRecordsPerKey)
    {
        /** maxRecordsPerKey 0 is {@code max-records-per-key: off}. */
        public Configuration
        {
            requireNonNull(name, "name is null");
            requireNonNull(keys, "keys is null");
            requireNonNull(comparisons, "comparisons is null");
        }
    }

    public record Score(String configuration, String description, int records, int truePersons, int persons, double precision, double recall, double f1,
            int junkValues, int recordsInJunk, int skippedBlocks)
    {
        public String format()
        {
            return String.format(Locale.ROOT, "  %-26s P %.3f  R %.3f  F1 %.3f  persons %,d (true %,d)  junk values %d  skipped blocks %d%n    %s%n",
                    configuration, precision, recall, f1, persons, truePersons, junkValues, skippedBlocks, description);
        }
    }

    private TypedIdentityQuality() {}

    /**
     * A configuration as vault.yml's {@code identity:} would give it: the settings, the kind of
     * every typed part, and the column each typed part reads (raw: the kind normalizes it).
     */
    public record Prepared(IdentitySettings settings, ImmutableMap<String, IdentityPartKind> kinds, ImmutableMap<String, Column> columns) {}

    public static Prepared prepare(Configuration configuration)
    {
        Map<String, IdentityPartKind> kinds = new TreeMap<>();
        Map<String, Column> columns = new TreeMap<>();
        ImmutableList.Builder<IdentityKey> keys = ImmutableList.builder();
        for (Key key : configuration.keys()) {
            ImmutableSortedSet.Builder<IdentityPart> builtIn = ImmutableSortedSet.naturalOrder();
            ImmutableSortedSet.Builder<String> typed = ImmutableSortedSet.naturalOrder();
            for (Part part : key.parts()) {
                builtIn(part).ifPresentOrElse(builtIn::add, () -> {
                    typed.add(part.label());
                    kinds.put(part.label(), part.kind());
                    columns.put(part.label(), part.column());
                });
            }
            keys.add(new IdentityKey(key.name(), builtIn.build(), typed.build()));
        }
        ImmutableList.Builder<IdentityComparison> comparisons = ImmutableList.builder();
        for (Comparison comparison : configuration.comparisons()) {
            List<Part> parts = new ArrayList<>(comparison.block().parts());
            parts.add(comparison.compared());
            for (Part part : parts) {
                if (builtIn(part).isEmpty()) {
                    kinds.put(part.label(), part.kind());
                    columns.put(part.label(), part.column());
                }
            }
            comparisons.add(new IdentityComparison(comparison.name(), comparison.block().parts().stream().map(Part::label).toList(), comparison.maxBlock(),
                    Set.of(), Map.of(comparison.compared().label(), comparison.maxDistance())));
        }
        IdentitySettings settings = new IdentitySettings("BR", keys.build(),
                configuration.maxRecordsPerKey() == 0 ? IdentitySettings.NO_JUNK_GUARD : configuration.maxRecordsPerKey(), comparisons.build());
        return new Prepared(settings, ImmutableMap.copyOf(kinds), ImmutableMap.copyOf(columns));
    }

    /**
     * Resolves the records with vault's own {@link IdentityUnifier}, configured as vault.yml's
     * {@code identity:} would be (the same keys, comparisons and junk guard the warehouse runs in
     * SQL); persons are keyed by the records' ids.
     */
    public static IdentityUnifier.Result unify(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records)
    {
        Prepared prepared = prepare(configuration);
        List<IdentityUnifier.Lead> leads = new ArrayList<>(records.size());
        for (PersonRecordsGenerator.PersonRecord record : records) {
            ImmutableMap.Builder<String, String> raw = ImmutableMap.builder();
            prepared.columns().forEach((part, column) -> {
                String value = column.value(record);
                if (value != null) {
                    raw.put(part, value);
                }
            });
            leads.add(new IdentityUnifier.Lead(record.recordId(), record.name(), record.email(), null, raw.buildOrThrow()));
        }
        return new IdentityUnifier(new IdentityHasher(prepared.settings()), prepared.kinds()).unify(leads);
    }

    /** Resolves the records in memory and scores the persons found. */
    public static Score score(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records)
    {
        return score(configuration, records, unify(configuration, records));
    }

    /** Scores the persons {@code result} found (record id -> person), by whatever engine. */
    public static Score score(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records, IdentityUnifier.Result result)
    {
        // pairwise counts from the contingency of found person x true person
        Map<String, Integer> found = new HashMap<>();
        Map<String, Integer> truth = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (PersonRecordsGenerator.PersonRecord record : records) {
            String person = requireNonNull(result.personOf().get(record.recordId()), () -> "no person for record " + record.recordId());
            found.merge(person, 1, Integer::sum);
            truth.merge(record.truePersonId(), 1, Integer::sum);
            both.merge(person + "|" + record.truePersonId(), 1, Integer::sum);
        }
        double truePositives = pairs(both.values());
        double foundPairs = pairs(found.values());
        double truePairs = pairs(truth.values());
        double precision = foundPairs == 0 ? 1 : truePositives / foundPairs;
        double recall = truePairs == 0 ? 1 : truePositives / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int junkValues = 0;
        int recordsInJunk = 0;
        int skipped = 0;
        for (IdentityUnifier.JunkKey junk : result.junkKeys()) {
            if (junk.key().startsWith(IdentityComparison.JUNK_PREFIX)) {
                skipped++;
            }
            else {
                junkValues++;
                recordsInJunk += junk.records();
            }
        }
        return new Score(configuration.name(), configuration.description(), records.size(), truth.size(), found.size(), precision, recall, f1,
                junkValues, recordsInJunk, skipped);
    }

    /**
     * How records of one generator variation fare: of the true pairs with at least one such
     * record, the share found (recall); and the found pairs of two different persons with at
     * least one such record (wrong merges).
     */
    public record VariationScore(String variation, int records, long truePairs, long foundTruePairs, long wrongPairs)
    {
        public double recall()
        {
            return truePairs == 0 ? 1 : (double) foundTruePairs / truePairs;
        }

        public String format()
        {
            return String.format(Locale.ROOT, "    %-18s %,8d records  %,9d true pairs  R %.3f  %,7d wrong pairs%n", variation, records, truePairs, recall(), wrongPairs);
        }
    }

    /** {@link VariationScore}s of every variation the records carry, and of records with none, sorted by recall, worst first. */
    public static List<VariationScore> variations(List<PersonRecordsGenerator.PersonRecord> records, Map<String, String> personOf)
    {
        Set<String> names = new TreeSet<>();
        records.forEach(record -> names.addAll(record.variations()));
        names.add(NONE);
        Map<String, List<PersonRecordsGenerator.PersonRecord>> byTruth = new HashMap<>();
        Map<String, List<PersonRecordsGenerator.PersonRecord>> byFound = new HashMap<>();
        Map<String, List<PersonRecordsGenerator.PersonRecord>> byBoth = new HashMap<>();
        for (PersonRecordsGenerator.PersonRecord record : records) {
            String person = personOf.get(record.recordId());
            byTruth.computeIfAbsent(record.truePersonId(), ignored -> new ArrayList<>()).add(record);
            byFound.computeIfAbsent(person, ignored -> new ArrayList<>()).add(record);
            byBoth.computeIfAbsent(person + "|" + record.truePersonId(), ignored -> new ArrayList<>()).add(record);
        }
        List<VariationScore> scores = new ArrayList<>();
        for (String name : names) {
            int carrying = (int) records.stream().filter(record -> carries(record, name)).count();
            long truePairs = pairsWith(byTruth.values(), name);
            long foundTrue = pairsWith(byBoth.values(), name);
            // pairs of a found person with such a record, minus those of one true person
            long foundAll = pairsWith(byFound.values(), name);
            scores.add(new VariationScore(name, carrying, truePairs, foundTrue, foundAll - foundTrue));
        }
        scores.sort(Comparator.comparingDouble(VariationScore::recall).thenComparing(VariationScore::variation));
        return scores;
    }

    /** The configuration without one of its keys or comparisons: what that rule adds. */
    public static Configuration without(Configuration configuration, String rule)
    {
        ImmutableList<Key> keys = configuration.keys().stream().filter(key -> !key.name().equals(rule)).collect(ImmutableList.toImmutableList());
        ImmutableList<Comparison> comparisons = configuration.comparisons().stream().filter(comparison -> !comparison.name().equals(rule))
                .collect(ImmutableList.toImmutableList());
        if (keys.size() + comparisons.size() != configuration.keys().size() + configuration.comparisons().size() - 1) {
            throw new IllegalArgumentException(configuration.name() + " has no rule " + rule);
        }
        return new Configuration(configuration.name() + " without " + rule, configuration.description(), keys, comparisons, configuration.maxRecordsPerKey());
    }

    /** The names of a configuration's keys and comparisons, in order. */
    public static List<String> rules(Configuration configuration)
    {
        List<String> rules = new ArrayList<>();
        configuration.keys().forEach(key -> rules.add(key.name()));
        configuration.comparisons().forEach(comparison -> rules.add(comparison.name()));
        return rules;
    }

    private static final String NONE = "(none)";

    private static boolean carries(PersonRecordsGenerator.PersonRecord record, String variation)
    {
        return variation.equals(NONE) ? record.variations().isEmpty() : record.variations().contains(variation);
    }

    /** Pairs inside each group with at least one record carrying the variation. */
    private static long pairsWith(Iterable<List<PersonRecordsGenerator.PersonRecord>> groups, String variation)
    {
        long pairs = 0;
        for (List<PersonRecordsGenerator.PersonRecord> group : groups) {
            long size = group.size();
            long without = group.stream().filter(record -> !carries(record, variation)).count();
            pairs += size * (size - 1) / 2 - without * (without - 1) / 2;
        }
        return pairs;
    }

    /** Name and email read the record's name and email as the built-in parts do; any other part is typed. */
    private static Optional<IdentityPart> builtIn(Part part)
    {
        return IdentityPart.fromId(part.label());
    }

    private static double pairs(Iterable<Integer> sizes)
    {
        double pairs = 0;
        for (int size : sizes) {
            pairs += size * (size - 1.0) / 2;
        }
        return pairs;
    }
}
