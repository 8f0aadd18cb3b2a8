package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import static java.util.Objects.requireNonNull;

/**
 * Why the records of one person are that person ({@code vault identity explain}).
 *
 * @param records the person's records, each with the stage and record key it comes from, its normalized parts and the person it was first resolved to
 * @param evidence what joins them now: shared key values, pairs a comparison accepts
 * @param junk values of these records the junk guard leaves out, with how many records each would have joined
 * @param merges same-as rows naming the person, as master or duplicate
 * @param unexplained records no present evidence joins to another (joined in an earlier run by a value since found junk or changed)
 */
public record IdentityExplanation(String hub, String person, ImmutableList<Record> records, ImmutableList<Evidence> evidence, ImmutableList<Junk> junk,
        ImmutableList<Merge> merges, ImmutableList<String> unexplained)
{
    public IdentityExplanation
    {
        requireNonNull(hub, "hub is null");
        requireNonNull(person, "person is null");
        requireNonNull(records, "records is null");
        requireNonNull(evidence, "evidence is null");
        requireNonNull(junk, "junk is null");
        requireNonNull(merges, "merges is null");
        requireNonNull(unexplained, "unexplained is null");
    }

    /** @param parts normalized parts by part name (name, email, phone, typed parts); the ones the record lacks are left out */
    public record Record(String identityRecord, String stage, String recordKey, ImmutableMap<String, String> parts, String firstResolvedTo)
    {
        public Record
        {
            requireNonNull(identityRecord, "identityRecord is null");
            requireNonNull(stage, "stage is null");
            requireNonNull(recordKey, "recordKey is null");
            requireNonNull(parts, "parts is null");
            requireNonNull(firstResolvedTo, "firstResolvedTo is null");
        }
    }

    /**
     * @param kind {@code key} or {@code comparison}
     * @param rule the key's or comparison's name in vault.yml
     * @param value the normalized parts behind a key value, or a comparison's block
     * @param records the identity records it joins
     * @param detail for a comparison, how each rule held
     */
    public record Evidence(String kind, String rule, String value, ImmutableList<String> records, String detail) {}

    /** @param key the junk report's key name: a key, {@code email}, {@code phone} or {@code block:<comparison>} */
    public record Junk(String key, String sample, long recordsSharing, ImmutableList<String> records) {}

    public record Merge(String master, String duplicate, String loadDatetime) {}
}
