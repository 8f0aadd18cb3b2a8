package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.TypedNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Resolves labelled person records with typed key parts and comparison steps in memory, with
 * the normalizers and key encoding the warehouse uses ({@link IdentityPartKind},
 * {@link IdentityHasher#typedKey}), and scores the persons found against the truth: pairwise
 * precision, recall and F1 after transitive union.
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
            ImmutableMap<String, Integer> edgesPerRule, int junkValues, int recordsInJunk, int skippedBlocks)
    {
        public String format()
        {
            return String.format(Locale.ROOT, "  %-22s P %.3f  R %.3f  F1 %.3f  persons %,d (true %,d)  junk values %d  skipped blocks %d%n    %s%n    edges per rule: %s%n",
                    configuration, precision, recall, f1, persons, truePersons, junkValues, skippedBlocks, description, edgesPerRule);
        }
    }

    private TypedIdentityQuality() {}

    public static Score score(Configuration configuration, List<PersonRecordsGenerator.PersonRecord> records)
    {
        int[] parent = new int[records.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> edges = new LinkedHashMap<>();
        int junkValues = 0;
        int recordsInJunk = 0;
        for (Key key : configuration.keys()) {
            Map<String, List<Integer>> byValue = group(key, records);
            int joined = 0;
            for (List<Integer> members : byValue.values()) {
                if (configuration.maxRecordsPerKey() > 0 && members.size() > configuration.maxRecordsPerKey()) {
                    junkValues++;
                    recordsInJunk += members.size();
                    continue;
                }
                for (int member : members) {
                    joined += union(parent, members.getFirst(), member) ? 1 : 0;
                }
            }
            edges.put(key.name(), joined);
        }
        int skipped = 0;
        for (Comparison comparison : configuration.comparisons()) {
            int joined = 0;
            for (List<Integer> block : group(comparison.block(), records).values()) {
                if (block.size() > comparison.maxBlock()) {
                    skipped++;
                    continue;
                }
                String[] values = new String[block.size()];
                for (int i = 0; i < block.size(); i++) {
                    values[i] = comparison.compared().normalize(records.get(block.get(i)));
                }
                for (int i = 0; i < block.size(); i++) {
                    for (int j = i + 1; j < block.size(); j++) {
                        if (values[i] != null && values[j] != null && TypedNormalizer.levenshtein(values[i], values[j]) <= comparison.maxDistance()) {
                            joined += union(parent, block.get(i), block.get(j)) ? 1 : 0;
                        }
                    }
                }
            }
            edges.put(comparison.name(), joined);
        }

        // pairwise counts from the contingency of found person x true person
        Map<Integer, Integer> found = new HashMap<>();
        Map<String, Integer> truth = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int root = find(parent, i);
            found.merge(root, 1, Integer::sum);
            truth.merge(records.get(i).truePersonId(), 1, Integer::sum);
            both.merge(root + "|" + records.get(i).truePersonId(), 1, Integer::sum);
        }
        double truePositives = pairs(both.values());
        double foundPairs = pairs(found.values());
        double truePairs = pairs(truth.values());
        double precision = foundPairs == 0 ? 1 : truePositives / foundPairs;
        double recall = truePairs == 0 ? 1 : truePositives / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(configuration.name(), configuration.description(), records.size(), truth.size(), found.size(), precision, recall, f1,
                ImmutableMap.copyOf(edges), junkValues, recordsInJunk, skipped);
    }

    private static Map<String, List<Integer>> group(Key key, List<PersonRecordsGenerator.PersonRecord> records)
    {
        List<String> labels = key.parts().stream().map(Part::label).toList();
        Map<String, List<Integer>> byValue = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            List<String> values = new ArrayList<>(key.parts().size());
            for (Part part : key.parts()) {
                values.add(part.normalize(records.get(i)));
            }
            String value = IdentityHasher.typedKey(labels, values);
            if (value != null) {
                byValue.computeIfAbsent(value, ignored -> new ArrayList<>()).add(i);
            }
        }
        return byValue;
    }

    private static double pairs(Iterable<Integer> sizes)
    {
        double pairs = 0;
        for (int size : sizes) {
            pairs += size * (size - 1.0) / 2;
        }
        return pairs;
    }

    private static int find(int[] parent, int node)
    {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    private static boolean union(int[] parent, int a, int b)
    {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA == rootB) {
            return false;
        }
        parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        return true;
    }
}
