package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Unifies a batch of leads in memory, with the rules the warehouse applies in SQL: leads that
 * share a value of any matching key are the same person, transitively (connected components,
 * by union-find); a key value shared by more distinct records than
 * {@link IdentitySettings#maxRecordsPerKey()} is junk, not used for matching, and reported; so
 * is an email or phone shared by that many records, with every key built from it.
 * For applications that resolve a few leads without Trino, and as the reference the SQL is
 * tested against.
 */
public final class IdentityUnifier
{
    private final IdentityHasher hasher;
    private final ImmutableMap<String, IdentityPartKind> partKinds;

    public IdentityUnifier(IdentityHasher hasher)
    {
        this(hasher, Map.of());
    }

    /**
     * @param partKinds the kind of each typed part the keys and comparisons read (what a stage's
     *         {@code identity: parts:} declares), which fixes its normalization
     */
    public IdentityUnifier(IdentityHasher hasher, Map<String, IdentityPartKind> partKinds)
    {
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.partKinds = ImmutableMap.copyOf(partKinds);
        for (String part : hasher.settings().typedParts()) {
            checkArgument(this.partKinds.containsKey(part), "typed part %s has no kind", part);
        }
    }

    /**
     * A source record: its id and what it says about the person. A record listed twice (two
     * versions of it) is one record whose every version counts, as in the warehouse.
     *
     * @param parts raw values of typed parts, by part name ({@code birth_date}, {@code cpf})
     */
    public record Lead(String recordId, String name, String email, String phone, ImmutableMap<String, String> parts)
    {
        public Lead
        {
            requireNonNull(recordId, "recordId is null");
            requireNonNull(parts, "parts is null");
        }

        public Lead(String recordId, String name, String email, String phone)
        {
            this(recordId, name, email, phone, ImmutableMap.of());
        }
    }

    /** A key value excluded from matching because too many records share it. */
    public record JunkKey(String key, String value, int records)
    {
        public JunkKey
        {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * @param personOf for each record id, its person: the smallest record id of its cluster
     * @param junkKeys excluded key values, most shared first
     */
    public record Result(ImmutableMap<String, String> personOf, ImmutableList<JunkKey> junkKeys)
    {
        public Result
        {
            requireNonNull(personOf, "personOf is null");
            requireNonNull(junkKeys, "junkKeys is null");
        }

        public int persons()
        {
            return (int) personOf.values().stream().distinct().count();
        }
    }

    public Result unify(List<Lead> leads)
    {
        // record ids sorted, so that a cluster's representative is its smallest id, as in SQL
        TreeMap<String, Integer> index = new TreeMap<>();
        for (Lead lead : leads) {
            index.putIfAbsent(lead.recordId(), 0);
        }
        List<String> ids = new ArrayList<>(index.keySet());
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }

        // key -> value -> distinct records; the junk-checked parts (email, phone) count as keys here
        ImmutableList<IdentityKey> keys = hasher.settings().keys();
        ImmutableList<IdentityKey> parts = IdentitySettings.JUNK_CHECKED_PARTS;
        List<Map<String, LinkedHashSet<Integer>>> recordsByValue = new ArrayList<>();
        List<Map<String, LinkedHashSet<Integer>>> recordsByPart = new ArrayList<>();
        keys.forEach(key -> recordsByValue.add(new HashMap<>()));
        parts.forEach(part -> recordsByPart.add(new HashMap<>()));
        // the part values behind each key value: equal key values have equal parts
        List<Map<String, String[]>> partsOfValue = new ArrayList<>();
        keys.forEach(key -> partsOfValue.add(new HashMap<>()));
        // per comparison, block -> the records in it; a pair is compared over every version of both, as in SQL
        List<IdentityComparison> comparisons = hasher.settings().comparisons();
        Map<Integer, List<Map<String, String>>> versions = new HashMap<>();
        List<Map<String, Set<Integer>>> blocks = new ArrayList<>();
        comparisons.forEach(comparison -> blocks.add(new TreeMap<>()));
        for (Lead lead : leads) {
            int record = index.get(lead.recordId());
            IdentityHasher.Normalized normalized = hasher.normalize(lead.name(), lead.email(), lead.phone());
            Map<String, String> normalizedParts = normalizedParts(lead, normalized);
            String[] values = hasher.keyValues(normalized);
            for (int k = 0; k < values.length; k++) {
                if (keys.get(k).isTyped()) {
                    values[k] = IdentityHasher.typedKey(keys.get(k).labels(), keys.get(k).labels().stream().map(normalizedParts::get).toList());
                }
            }
            if (!comparisons.isEmpty()) {
                versions.computeIfAbsent(record, ignored -> new ArrayList<>()).add(normalizedParts);
            }
            for (int c = 0; c < comparisons.size(); c++) {
                String block = comparisons.get(c).block(normalizedParts);
                if (block != null) {
                    blocks.get(c).computeIfAbsent(block, ignored -> new TreeSet<>()).add(record);
                }
            }
            String[] partValues = new String[parts.size()];
            for (int p = 0; p < parts.size(); p++) {
                partValues[p] = IdentityHasher.key(parts.get(p), normalized);
                if (partValues[p] != null) {
                    recordsByPart.get(p).computeIfAbsent(partValues[p], ignored -> new LinkedHashSet<>()).add(record);
                }
            }
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    // a set: a record listed twice in the batch counts once toward the junk limit
                    recordsByValue.get(k).computeIfAbsent(values[k], ignored -> new LinkedHashSet<>()).add(record);
                    // only the parts this key is made of can make it junk
                    String[] keyParts = new String[parts.size()];
                    for (int p = 0; p < parts.size(); p++) {
                        if (keys.get(k).parts().containsAll(parts.get(p).parts())) {
                            keyParts[p] = partValues[p];
                        }
                    }
                    partsOfValue.get(k).putIfAbsent(values[k], keyParts);
                }
            }
        }

        int limit = hasher.settings().maxRecordsPerKey();
        Map<String, JunkKey> junk = new TreeMap<>();
        List<Set<String>> junkParts = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Set<String> junkValues = new HashSet<>();
            for (Map.Entry<String, LinkedHashSet<Integer>> entry : recordsByPart.get(p).entrySet()) {
                if (entry.getValue().size() > limit) {
                    junkValues.add(entry.getKey());
                    junk.put(parts.get(p).name() + "|" + entry.getKey(), new JunkKey(parts.get(p).name(), entry.getKey(), entry.getValue().size()));
                }
            }
            junkParts.add(junkValues);
        }

        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < keys.size(); k++) {
            for (Map.Entry<String, LinkedHashSet<Integer>> entry : recordsByValue.get(k).entrySet()) {
                LinkedHashSet<Integer> records = entry.getValue();
                if (records.size() > limit) {
                    junk.put(keys.get(k).name() + "|" + entry.getKey(), new JunkKey(keys.get(k).name(), entry.getKey(), records.size()));
                    continue;
                }
                if (builtFromJunk(partsOfValue.get(k).get(entry.getKey()), junkParts)) {
                    continue;
                }
                int first = records.getFirst();
                for (int record : records) {
                    union(parent, first, record);
                }
            }
        }

        // comparisons: every pair of records in a block (not oversized) whose versions meet the rules
        for (int c = 0; c < comparisons.size(); c++) {
            IdentityComparison comparison = comparisons.get(c);
            for (Map.Entry<String, Set<Integer>> block : blocks.get(c).entrySet()) {
                if (block.getValue().size() > comparison.maxBlockSize()) {
                    junk.put(comparison.junkKeyName() + "|" + block.getKey(), new JunkKey(comparison.junkKeyName(), block.getKey(), block.getValue().size()));
                    continue;
                }
                List<Integer> members = new ArrayList<>(block.getValue());
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        if (accepted(comparison, versions.get(members.get(i)), versions.get(members.get(j)))) {
                            union(parent, members.get(i), members.get(j));
                        }
                    }
                }
            }
        }

        ImmutableMap.Builder<String, String> personOf = ImmutableMap.builder();
        for (int i = 0; i < ids.size(); i++) {
            personOf.put(ids.get(i), ids.get(find(parent, i)));
        }
        List<JunkKey> junkKeys = new ArrayList<>(junk.values());
        junkKeys.sort(Comparator.comparingInt(JunkKey::records).reversed().thenComparing(JunkKey::key).thenComparing(JunkKey::value));
        return new Result(personOf.buildOrThrow(), ImmutableList.copyOf(junkKeys));
    }

    private static boolean accepted(IdentityComparison comparison, List<Map<String, String>> left, List<Map<String, String>> right)
    {
        for (Map<String, String> a : left) {
            for (Map<String, String> b : right) {
                if (comparison.accepts(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every normalized part of a lead by part name: name, email and phone as the hasher normalizes them, typed parts by their kind. */
    private Map<String, String> normalizedParts(Lead lead, IdentityHasher.Normalized normalized)
    {
        Map<String, String> parts = new HashMap<>();
        for (IdentityPart part : IdentityPart.values()) {
            parts.put(part.id(), normalized.part(part));
        }
        partKinds.forEach((part, kind) -> parts.put(part, kind.normalize(lead.parts().get(part), hasher.settings().defaultCountry())));
        return parts;
    }

    /** Whether one of the part values a key value was built from is junk. */
    private static boolean builtFromJunk(String[] partValues, List<Set<String>> junkParts)
    {
        for (int p = 0; p < partValues.length; p++) {
            if (partValues[p] != null && junkParts.get(p).contains(partValues[p])) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int node)
    {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    /** Links the two trees under the smaller root: the representative stays the smallest id. */
    private static void union(int[] parent, int a, int b)
    {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA < rootB) {
            parent[rootB] = rootA;
        }
        else if (rootB < rootA) {
            parent[rootA] = rootB;
        }
    }
}
