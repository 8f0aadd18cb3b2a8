package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityNormalizer;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.IdentityUnifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How well a predicted clustering of records matches the truth: pairwise precision, recall and F1
 * (a pair is two records in the same cluster), cluster counts, the junk keys the unifier
 * excluded (with their normalized values, not hashes), what became of the planted junk values,
 * and which generator variations the split-off and merged-in records carry.
 *
 * <p>Pairs are counted per cluster and per (true person, predicted cluster) cell, never
 * enumerated, so a million records take a second.
 */
public record QualityReport(
        long seed,
        int personsRequested,
        String keys,
        int maxRecordsPerKey,
        ImmutableMap<String, Long> recordsBySource,
        Metrics metrics,
        ImmutableList<JunkKeyRow> junkKeys,
        ImmutableList<PlantedJunkRow> plantedJunk,
        long splitOffRecords,
        long mergedInRecords,
        ImmutableList<VariationRow> variations)
{
    /**
     * @param truePairs pairs of records of the same true person
     * @param predictedPairs pairs of records in the same predicted cluster
     * @param correctPairs pairs in both
     * @param precision correctPairs / predictedPairs (1 when nothing is predicted together)
     * @param recall correctPairs / truePairs (1 when no two records are the same person)
     * @param exactClusters predicted clusters that hold exactly one true person's records, all of them
     * @param splitPersons true persons whose records are in more than one predicted cluster
     * @param mergedClusters predicted clusters that hold records of more than one true person
     */
    public record Metrics(
            long records,
            long truePersons,
            long predictedClusters,
            long truePairs,
            long predictedPairs,
            long correctPairs,
            double precision,
            double recall,
            double f1,
            long exactClusters,
            long splitPersons,
            long mergedClusters) {}

    /** A key value the unifier excluded as junk, decoded. */
    public record JunkKeyRow(String key, String value, int records, long truePersons, String hash) {}

    /** What became of a planted junk value. */
    public record PlantedJunkRow(String part, String written, String normalized, long records, long truePersons, List<String> flaggedAs, String note) {}

    /**
     * Records carrying a variation, and how many of them ended up outside their true person's main
     * cluster (split off) or inside another person's cluster (merged in).
     */
    public record VariationRow(String variation, long records, long splitOff, long mergedIn) {}

    // ---------------------------------------------------------------- metrics

    /** Pairwise metrics of {@code predicted} (record id -> cluster id) against {@code truth} (record id -> person id). */
    public static Metrics metrics(Map<String, String> truth, Map<String, String> predicted)
    {
        Clustering clustering = Clustering.of(truth, predicted);
        return clustering.metrics();
    }

    /** Both mappings as int labels, and the (true, predicted) cell sizes. */
    private record Clustering(
            List<String> recordIds,
            int[] trueLabel,
            int[] predictedLabel,
            List<String> predictedIds,
            long[] trueSize,
            long[] predictedSize,
            Map<Long, Long> cells)
    {
        static Clustering of(Map<String, String> truth, Map<String, String> predicted)
        {
            requireNonNull(truth, "truth is null");
            requireNonNull(predicted, "predicted is null");
            checkArgument(truth.keySet().equals(predicted.keySet()), "truth and prediction must cover the same records (%s vs %s)", truth.size(), predicted.size());
            List<String> recordIds = truth.keySet().stream().sorted().toList();
            Map<String, Integer> trueIndex = new HashMap<>();
            Map<String, Integer> predictedIndex = new HashMap<>();
            List<String> predictedIds = new ArrayList<>();
            int[] trueLabel = new int[recordIds.size()];
            int[] predictedLabel = new int[recordIds.size()];
            for (int i = 0; i < recordIds.size(); i++) {
                String id = recordIds.get(i);
                trueLabel[i] = trueIndex.computeIfAbsent(truth.get(id), ignored -> trueIndex.size());
                String cluster = predicted.get(id);
                Integer label = predictedIndex.get(cluster);
                if (label == null) {
                    label = predictedIndex.size();
                    predictedIndex.put(cluster, label);
                    predictedIds.add(cluster);
                }
                predictedLabel[i] = label;
            }
            long[] trueSize = new long[trueIndex.size()];
            long[] predictedSize = new long[predictedIndex.size()];
            Map<Long, Long> cells = new HashMap<>();
            for (int i = 0; i < recordIds.size(); i++) {
                trueSize[trueLabel[i]]++;
                predictedSize[predictedLabel[i]]++;
                cells.merge(cell(trueLabel[i], predictedLabel[i]), 1L, Long::sum);
            }
            return new Clustering(recordIds, trueLabel, predictedLabel, predictedIds, trueSize, predictedSize, cells);
        }

        static long cell(int trueLabel, int predictedLabel)
        {
            return (long) trueLabel << 32 | predictedLabel;
        }

        Metrics metrics()
        {
            long truePairs = 0;
            for (long size : trueSize) {
                truePairs += pairs(size);
            }
            long predictedPairs = 0;
            for (long size : predictedSize) {
                predictedPairs += pairs(size);
            }
            long correctPairs = 0;
            int[] cellsPerTrue = new int[trueSize.length];
            int[] cellsPerPredicted = new int[predictedSize.length];
            for (Map.Entry<Long, Long> cell : cells.entrySet()) {
                correctPairs += pairs(cell.getValue());
                cellsPerTrue[(int) (cell.getKey() >>> 32)]++;
                cellsPerPredicted[(int) (long) cell.getKey()]++;
            }
            long exact = 0;
            for (Map.Entry<Long, Long> cell : cells.entrySet()) {
                int t = (int) (cell.getKey() >>> 32);
                int p = (int) (long) cell.getKey();
                if (cellsPerTrue[t] == 1 && cellsPerPredicted[p] == 1) {
                    exact++;
                }
            }
            long split = 0;
            for (int count : cellsPerTrue) {
                split += count > 1 ? 1 : 0;
            }
            long merged = 0;
            for (int count : cellsPerPredicted) {
                merged += count > 1 ? 1 : 0;
            }
            double precision = predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
            double recall = truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
            double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            return new Metrics(recordIds.size(), trueSize.length, predictedSize.length, truePairs, predictedPairs, correctPairs,
                    precision, recall, f1, exact, split, merged);
        }

        /** For each true person, the predicted cluster holding most of its records (ties: the first seen). */
        int[] mainClusterOfTrue()
        {
            int[] main = new int[trueSize.length];
            long[] best = new long[trueSize.length];
            Arrays.fill(main, -1);
            for (int i = 0; i < recordIds.size(); i++) {
                int t = trueLabel[i];
                int p = predictedLabel[i];
                long size = cells.get(cell(t, p));
                if (size > best[t]) {
                    best[t] = size;
                    main[t] = p;
                }
            }
            return main;
        }

        /** For each predicted cluster, the true person with most records in it (ties: the first seen). */
        int[] mainTrueOfPredicted()
        {
            int[] main = new int[predictedSize.length];
            long[] best = new long[predictedSize.length];
            Arrays.fill(main, -1);
            for (int i = 0; i < recordIds.size(); i++) {
                int t = trueLabel[i];
                int p = predictedLabel[i];
                long size = cells.get(cell(t, p));
                if (size > best[p]) {
                    best[p] = size;
                    main[p] = t;
                }
            }
            return main;
        }
    }

    private static long pairs(long size)
    {
        return size * (size - 1) / 2;
    }

    // ---------------------------------------------------------------- the whole report

    /** Unifies the generated leads with {@code settings} and reports against their truth. */
    public static QualityReport unifyAndReport(GroundTruth truth, IdentitySettings settings)
    {
        IdentityHasher hasher = new IdentityHasher(settings);
        List<IdentityUnifier.Lead> leads = truth.leads().stream()
                .map(lead -> new IdentityUnifier.Lead(lead.recordId(), lead.name(), lead.email(), lead.phone()))
                .toList();
        IdentityUnifier.Result result = new IdentityUnifier(hasher).unify(leads);
        return of(truth, result, hasher);
    }

    /** The report of a unification {@code result} of {@code truth}'s leads, made with {@code hasher}. */
    public static QualityReport of(GroundTruth truth, IdentityUnifier.Result result, IdentityHasher hasher)
    {
        List<GeneratedLead> leads = truth.leads();
        Clustering clustering = Clustering.of(truth.truth(), result.personOf());
        Metrics metrics = clustering.metrics();
        IdentitySettings settings = hasher.settings();

        Map<String, GeneratedLead> leadById = new HashMap<>();
        leads.forEach(lead -> leadById.put(lead.recordId(), lead));
        Map<String, IdentityHasher.Normalized> normalized = new HashMap<>();
        leads.forEach(lead -> normalized.put(lead.recordId(), hasher.normalize(lead.name(), lead.email(), lead.phone())));

        // junk keys, decoded by recomputing every record's key values
        Map<String, IdentityKey> keyByName = new LinkedHashMap<>();
        settings.keys().forEach(key -> keyByName.put(key.name(), key));
        // a junk value of a part checked on its own (a phone shared by too many records) is reported under the part's name
        result.junkKeys().forEach(junk -> keyByName.computeIfAbsent(junk.key(), name -> junkKey(settings, name)));
        Map<String, Set<String>> junkHashes = new HashMap<>();
        for (IdentityUnifier.JunkKey junk : result.junkKeys()) {
            junkHashes.computeIfAbsent(junk.key(), ignored -> new HashSet<>()).add(junk.value());
        }
        Map<String, IdentityHasher.Normalized> decoded = new HashMap<>();
        Map<String, Set<String>> junkPersons = new HashMap<>();
        for (GeneratedLead lead : leads) {
            IdentityHasher.Normalized parts = normalized.get(lead.recordId());
            for (Map.Entry<String, Set<String>> entry : junkHashes.entrySet()) {
                String value = IdentityHasher.key(keyByName.get(entry.getKey()), parts);
                if (value != null && entry.getValue().contains(value)) {
                    decoded.putIfAbsent(entry.getKey() + "/" + value, parts);
                    junkPersons.computeIfAbsent(entry.getKey() + "/" + value, ignored -> new HashSet<>()).add(lead.truePersonId());
                }
            }
        }
        List<JunkKeyRow> junkRows = new ArrayList<>();
        for (IdentityUnifier.JunkKey junk : result.junkKeys()) {
            String id = junk.key() + "/" + junk.value();
            junkRows.add(new JunkKeyRow(junk.key(), describe(keyByName.get(junk.key()), decoded.get(id)), junk.records(),
                    junkPersons.getOrDefault(id, Set.of()).size(), junk.value()));
        }

        // the planted junk values
        int[] mainTrue = clustering.mainTrueOfPredicted();
        List<PlantedJunkRow> plantedRows = new ArrayList<>();
        for (GroundTruth.PlantedJunk planted : truth.plantedJunk()) {
            IdentityPart part = IdentityPart.valueOf(planted.part().toUpperCase(Locale.ROOT));
            String value = switch (part) {
                case NAME -> IdentityNormalizer.name(planted.value());
                case EMAIL -> IdentityNormalizer.email(planted.value());
                case PHONE -> IdentityNormalizer.phone(planted.value(), settings.defaultCountry());
            };
            long records = 0;
            Set<String> persons = new HashSet<>();
            for (GeneratedLead lead : leads) {
                if (value != null && value.equals(normalized.get(lead.recordId()).part(part))) {
                    records++;
                    persons.add(lead.truePersonId());
                }
            }
            List<String> flagged = new ArrayList<>();
            for (JunkKeyRow row : junkRows) {
                IdentityHasher.Normalized parts = decoded.get(row.key() + "/" + row.hash());
                if (parts != null && keyByName.get(row.key()).parts().contains(part) && value != null && value.equals(parts.part(part))) {
                    flagged.add(row.key() + " = " + row.value() + " (" + row.records() + " records)");
                }
            }
            plantedRows.add(new PlantedJunkRow(planted.part(), planted.value(), value, records, persons.size(), List.copyOf(flagged),
                    note(part, flagged, records, settings)));
        }

        // which variations the split-off and merged-in records carry
        int[] mainCluster = clustering.mainClusterOfTrue();
        Map<Variation, long[]> counts = new EnumMap<>(Variation.class);
        long[] plain = new long[3];
        long splitOffRecords = 0;
        long mergedInRecords = 0;
        for (int i = 0; i < clustering.recordIds().size(); i++) {
            GeneratedLead lead = leadById.get(clustering.recordIds().get(i));
            boolean splitOff = mainCluster[clustering.trueLabel()[i]] != clustering.predictedLabel()[i];
            boolean mergedIn = mainTrue[clustering.predictedLabel()[i]] != clustering.trueLabel()[i];
            splitOffRecords += splitOff ? 1 : 0;
            mergedInRecords += mergedIn ? 1 : 0;
            List<long[]> targets = new ArrayList<>();
            if (lead.variations().isEmpty()) {
                targets.add(plain);
            }
            lead.variations().forEach(variation -> targets.add(counts.computeIfAbsent(variation, ignored -> new long[3])));
            for (long[] target : targets) {
                target[0]++;
                target[1] += splitOff ? 1 : 0;
                target[2] += mergedIn ? 1 : 0;
            }
        }
        List<VariationRow> variationRows = new ArrayList<>();
        counts.forEach((variation, count) -> variationRows.add(new VariationRow(variation.name().toLowerCase(Locale.ROOT), count[0], count[1], count[2])));
        variationRows.add(new VariationRow("(none)", plain[0], plain[1], plain[2]));
        // most harmful first: the share of a variation's records that ended up in a wrong place
        variationRows.sort(Comparator.comparingDouble((VariationRow row) -> -(double) (row.splitOff() + row.mergedIn()) / Math.max(1, row.records()))
                .thenComparing(VariationRow::variation));

        Map<String, Long> bySource = leads.stream().collect(Collectors.groupingBy(lead -> lead.source().id(), TreeMap::new, Collectors.counting()));
        String keys = settings.keys().stream()
                .map(key -> key.name() + "=[" + key.parts().stream().map(IdentityPart::id).collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(" "));
        return new QualityReport(truth.seed(), truth.persons(), keys, settings.maxRecordsPerKey(), ImmutableMap.copyOf(bySource), metrics,
                ImmutableList.copyOf(junkRows), ImmutableList.copyOf(plantedRows), splitOffRecords, mergedInRecords, ImmutableList.copyOf(variationRows));
    }

    /**
     * The key a junk key of the unifier's report is a value of: a configured key, or, for a part
     * whose values are checked for junk on their own (email, phone), that part alone, under its name.
     */
    public static IdentityKey junkKey(IdentitySettings settings, String name)
    {
        for (IdentityKey key : settings.keys()) {
            if (key.name().equals(name)) {
                return key;
            }
        }
        for (IdentityPart part : IdentityPart.values()) {
            if (part.id().equals(name)) {
                return new IdentityKey(name, ImmutableSortedSet.of(part));
            }
        }
        throw new IllegalArgumentException("junk key '%s' is neither a key of %s nor a part".formatted(name, settings.keys()));
    }

    private static String note(IdentityPart part, List<String> flagged, long records, IdentitySettings settings)
    {
        if (!flagged.isEmpty()) {
            return "excluded from matching";
        }
        if (records <= settings.maxRecordsPerKey()) {
            return "shared by " + records + " records, not more than the limit of " + settings.maxRecordsPerKey();
        }
        boolean alone = settings.keys().stream().anyMatch(key -> key.parts().equals(EnumSet.of(part)));
        if (!alone) {
            List<String> with = settings.keys().stream()
                    .filter(key -> key.parts().contains(part))
                    .map(key -> key.parts().stream().filter(other -> other != part).map(IdentityPart::id).collect(Collectors.joining("+")))
                    .toList();
            return with.isEmpty()
                    ? "no key uses the " + part.id() + ": ignored"
                    : "no key is the " + part.id() + " alone; it only matches together with " + String.join(" or ", with)
                            + ", and no such combination is shared by more than " + settings.maxRecordsPerKey() + " records";
        }
        return "shared by " + records + " records, not more than the limit of " + settings.maxRecordsPerKey();
    }

    /** A key value in words: the normalized value of a one-part key, else part=value pairs. */
    static String describe(IdentityKey key, IdentityHasher.Normalized parts)
    {
        if (parts == null) {
            return "?";
        }
        if (key.parts().size() == 1) {
            return parts.part(key.parts().first());
        }
        return key.parts().stream().map(part -> part.id() + "=" + parts.part(part)).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- output

    /** The report as text tables. */
    public String format()
    {
        StringBuilder out = new StringBuilder();
        out.append("Identity quality against the generated truth\n");
        out.append("  seed %d, %,d persons asked for, keys %s, max-records-per-key %d%n".formatted(seed, personsRequested, keys, maxRecordsPerKey));
        out.append("  records by source: ").append(recordsBySource.entrySet().stream()
                .map(entry -> entry.getKey() + " %,d".formatted(entry.getValue())).collect(Collectors.joining(", "))).append('\n');
        out.append('\n');
        out.append("  %-34s %,14d%n".formatted("records", metrics.records()));
        out.append("  %-34s %,14d%n".formatted("true persons", metrics.truePersons()));
        out.append("  %-34s %,14d%n".formatted("predicted clusters", metrics.predictedClusters()));
        out.append("  %-34s %,14d%n".formatted("  exactly a true person", metrics.exactClusters()));
        out.append("  %-34s %,14d%n".formatted("  holding several true persons", metrics.mergedClusters()));
        out.append("  %-34s %,14d%n".formatted("true persons split over clusters", metrics.splitPersons()));
        out.append("  %-34s %,14d%n".formatted("true pairs", metrics.truePairs()));
        out.append("  %-34s %,14d%n".formatted("predicted pairs", metrics.predictedPairs()));
        out.append("  %-34s %,14d%n".formatted("correct pairs", metrics.correctPairs()));
        out.append("  %-34s %14.4f%n".formatted("pairwise precision", metrics.precision()));
        out.append("  %-34s %14.4f%n".formatted("pairwise recall", metrics.recall()));
        out.append("  %-34s %14.4f%n".formatted("pairwise F1", metrics.f1()));
        out.append('\n');
        out.append("Junk keys excluded by the guard (shared by more than %d records): %d%n".formatted(maxRecordsPerKey, junkKeys.size()));
        if (!junkKeys.isEmpty()) {
            out.append("  %-12s %-45s %8s %13s%n".formatted("key", "normalized value", "records", "true persons"));
            for (JunkKeyRow row : junkKeys) {
                out.append("  %-12s %-45s %8d %13d%n".formatted(row.key(), row.value(), row.records(), row.truePersons()));
            }
        }
        out.append('\n');
        out.append("Planted junk values\n");
        for (PlantedJunkRow row : plantedJunk) {
            out.append("  %-6s %-16s -> %-16s %6d records, %6d true persons: %s%n".formatted(row.part(), row.written(), row.normalized(),
                    row.records(), row.truePersons(), row.flaggedAs().isEmpty() ? "not flagged (" + row.note() + ")" : "flagged as " + String.join("; ", row.flaggedAs())));
        }
        out.append('\n');
        out.append("Variations of split-off records (outside their person's main cluster: %,d) and merged-in records (in a cluster mostly of another person: %,d)%n"
                .formatted(splitOffRecords, mergedInRecords));
        out.append("  a record can carry several variations; the rate is the share of the records with the variation\n");
        out.append("  %-22s %9s %10s %8s %10s %8s%n".formatted("variation", "records", "split off", "rate", "merged in", "rate"));
        for (VariationRow row : variations) {
            out.append("  %-22s %9d %10d %7.2f%% %10d %7.2f%%%n".formatted(row.variation(), row.records(), row.splitOff(),
                    100.0 * row.splitOff() / Math.max(1, row.records()), row.mergedIn(), 100.0 * row.mergedIn() / Math.max(1, row.records())));
        }
        return out.toString();
    }
}
