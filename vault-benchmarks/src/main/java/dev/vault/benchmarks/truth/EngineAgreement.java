package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityUnifier;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Whether the SQL unification and the in-memory {@link IdentityUnifier} found the same thing in
 * the same generated leads: the same partition of records into persons, and the same junk keys
 * (key, value, records, and the normalized sample the SQL writes beside them).
 *
 * @param persons the partitions, memory on the left
 * @param junkOnlyInMemory junk keys as {@code key "sample" (records) hash}, found only in memory
 * @param junkOnlyInSql the same, found only by SQL
 */
public record EngineAgreement(PartitionComparison persons, ImmutableSortedSet<String> junkOnlyInMemory, ImmutableSortedSet<String> junkOnlyInSql)
{
    public EngineAgreement
    {
        requireNonNull(persons, "persons is null");
        requireNonNull(junkOnlyInMemory, "junkOnlyInMemory is null");
        requireNonNull(junkOnlyInSql, "junkOnlyInSql is null");
    }

    public static EngineAgreement of(GroundTruth truth, IdentityHasher hasher, IdentityUnifier.Result memory, SqlUnification.Outcome sql)
    {
        PartitionComparison persons = PartitionComparison.of("memory", memory.personOf(), "sql", sql.result().personOf());
        Map<String, String> memorySamples = memorySamples(truth, hasher, memory);
        Set<String> inMemory = new TreeSet<>();
        for (IdentityUnifier.JunkKey junk : memory.junkKeys()) {
            inMemory.add(describe(junk, memorySamples.get(junk.key() + "/" + junk.value())));
        }
        Set<String> inSql = new TreeSet<>();
        for (IdentityUnifier.JunkKey junk : sql.result().junkKeys()) {
            inSql.add(describe(junk, sql.junkSamples().get(junk.key() + "/" + junk.value())));
        }
        Set<String> onlyMemory = new TreeSet<>(inMemory);
        onlyMemory.removeAll(inSql);
        Set<String> onlySql = new TreeSet<>(inSql);
        onlySql.removeAll(inMemory);
        return new EngineAgreement(persons, ImmutableSortedSet.copyOf(onlyMemory), ImmutableSortedSet.copyOf(onlySql));
    }

    /** {@code key/value} -> the sample SQL would write for each junk key of {@code memory}, decoded from the leads that have it. */
    public static Map<String, String> memorySamples(GroundTruth truth, IdentityHasher hasher, IdentityUnifier.Result memory)
    {
        Map<String, IdentityKey> keys = new LinkedHashMap<>();
        Set<String> junk = new TreeSet<>();
        for (IdentityUnifier.JunkKey key : memory.junkKeys()) {
            keys.computeIfAbsent(key.key(), name -> QualityReport.junkKey(hasher.settings(), name));
            junk.add(key.key() + "/" + key.value());
        }
        Map<String, String> samples = new HashMap<>();
        for (GeneratedLead lead : truth.leads()) {
            IdentityHasher.Normalized parts = hasher.normalize(lead.name(), lead.email(), lead.phone());
            for (IdentityKey key : keys.values()) {
                String value = IdentityHasher.key(key, parts);
                if (value != null && junk.contains(key.name() + "/" + value)) {
                    samples.putIfAbsent(key.name() + "/" + value, SqlUnification.sample(key, parts));
                }
            }
        }
        return samples;
    }

    private static String describe(IdentityUnifier.JunkKey junk, String sample)
    {
        return "%s \"%s\" (%d records) %s".formatted(junk.key(), sample, junk.records(), junk.value());
    }

    public boolean agree()
    {
        return persons.agree() && junkOnlyInMemory.isEmpty() && junkOnlyInSql.isEmpty();
    }

    public String format(int limit)
    {
        StringBuilder out = new StringBuilder(persons.format(limit));
        if (junkOnlyInMemory.isEmpty() && junkOnlyInSql.isEmpty()) {
            out.append("junk keys agree (key, value, records and sample)\n");
        }
        else {
            junkOnlyInMemory.forEach(junk -> out.append("junk key only in memory: ").append(junk).append('\n'));
            junkOnlyInSql.forEach(junk -> out.append("junk key only in sql: ").append(junk).append('\n'));
        }
        return out.toString();
    }
}
