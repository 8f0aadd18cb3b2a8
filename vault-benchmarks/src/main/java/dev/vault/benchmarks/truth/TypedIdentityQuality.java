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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

        String normalize(PersonRecordsGenerator.PersonRecord record)
        {
            return kind.normalize(column.value.apply(record), "BR");
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
     * Resolves the records with vault's own {@link IdentityUnifier}, configured as vault.yml's
     * {@code identity:} would be (the same keys, comparisons and junk guard the warehouse runs in
     * SQL), and scores the persons it finds.
     */
    public static Score score(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records)
    {
        Map<String, IdentityPartKind> kinds = new TreeMap<>();
        // every typed part reads its column of the record, raw: the unifier normalizes it by its kind
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
        List<IdentityUnifier.Lead> leads = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            PersonRecordsGenerator.PersonRecord record = records.get(i);
            ImmutableMap.Builder<String, String> raw = ImmutableMap.builder();
            for (String part : kinds.keySet()) {
                String value = columns.get(part).value.apply(record);
                if (value != null) {
                    raw.put(part, value);
                }
            }
            leads.add(new IdentityUnifier.Lead("r%07d".formatted(i), record.name(), record.email(), null, raw.buildOrThrow()));
        }
        IdentityUnifier.Result result = new IdentityUnifier(new IdentityHasher(settings), kinds).unify(leads);

        // pairwise counts from the contingency of found person x true person
        Map<String, Integer> found = new HashMap<>();
        Map<String, Integer> truth = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String person = result.personOf().get("r%07d".formatted(i));
            found.merge(person, 1, Integer::sum);
            truth.merge(records.get(i).truePersonId(), 1, Integer::sum);
            both.merge(person + "|" + records.get(i).truePersonId(), 1, Integer::sum);
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
