package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Unifies a batch of leads in memory, with the rules the warehouse applies in SQL: leads that
 * share a value of any matching key are the same person, transitively (connected components,
 * by union-find); a key value shared by more distinct records than
 * {@link IdentitySettings#maxRecordsPerKey()} is junk, not used for matching, and reported.
 * For applications that resolve a few leads without Trino, and as the reference the SQL is
 * tested against.
 */
public final class IdentityUnifier
{
    private final IdentityHasher hasher;

    public IdentityUnifier(IdentityHasher hasher)
    {
        this.hasher = requireNonNull(hasher, "hasher is null");
    }

    /** A source record: its id, unique in the batch, and what it says about the person. */
    public record Lead(String recordId, String name, String email, String phone)
    {
        public Lead
        {
            requireNonNull(recordId, "recordId is null");
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

        // key -> value -> distinct records
        ImmutableList<IdentityKey> keys = hasher.settings().keys();
        List<Map<String, java.util.LinkedHashSet<Integer>>> recordsByValue = new ArrayList<>();
        keys.forEach(key -> recordsByValue.add(new HashMap<>()));
        for (Lead lead : leads) {
            int record = index.get(lead.recordId());
            String[] values = hasher.keyValues(hasher.normalize(lead.name(), lead.email(), lead.phone()));
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    // a set: a record listed twice in the batch counts once toward the junk limit
                    recordsByValue.get(k).computeIfAbsent(values[k], ignored -> new java.util.LinkedHashSet<>()).add(record);
                }
            }
        }

        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<JunkKey> junk = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            for (Map.Entry<String, java.util.LinkedHashSet<Integer>> entry : recordsByValue.get(k).entrySet()) {
                java.util.LinkedHashSet<Integer> records = entry.getValue();
                if (records.size() > hasher.settings().maxRecordsPerKey()) {
                    junk.add(new JunkKey(keys.get(k).name(), entry.getKey(), records.size()));
                    continue;
                }
                int first = records.getFirst();
                for (int record : records) {
                    union(parent, first, record);
                }
            }
        }

        ImmutableMap.Builder<String, String> personOf = ImmutableMap.builder();
        for (int i = 0; i < ids.size(); i++) {
            personOf.put(ids.get(i), ids.get(find(parent, i)));
        }
        junk.sort(java.util.Comparator.comparingInt(JunkKey::records).reversed().thenComparing(JunkKey::key).thenComparing(JunkKey::value));
        return new Result(personOf.buildOrThrow(), ImmutableList.copyOf(junk));
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
