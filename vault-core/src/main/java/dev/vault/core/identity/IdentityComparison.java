package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.model.Identifiers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A comparison rule of identity resolution ({@code identity: comparisons:} in vault.yml), for
 * evidence a shared key cannot carry: a name with a typo. Records that share a value of every
 * {@code blockOn} part are candidates (a block); two candidates are the same person when every
 * {@code equal} part is equal and every {@code maxEdits} part is within that many edits
 * ({@link TypedNormalizer#levenshtein}, Trino's {@code levenshtein_distance}). Accepted
 * pairs join persons exactly as a shared key does. A block of more than {@code maxBlockSize}
 * records is not compared (the pairs grow with its square): it is reported as junk under
 * {@link #junkKeyName()}, as an over-shared key value is.
 */
public record IdentityComparison(String name, ImmutableList<String> blockOn, int maxBlockSize, ImmutableSortedSet<String> equal, ImmutableSortedMap<String, Integer> maxEdits)
{
    public static final int DEFAULT_MAX_BLOCK_SIZE = 100;
    /** Edits beyond this make unrelated short names equal; the reader refuses more. */
    public static final int MAX_EDITS = 5;
    /** What the junk report names an oversized block of a comparison by: {@code block:<comparison>}. */
    public static final String JUNK_PREFIX = "block:";
    /** Between blocking parts' values in a block: the unit separator, a control character no normalized name, date or number holds. */
    public static final char BLOCK_SEPARATOR = '\u001f';

    public IdentityComparison
    {
        requireNonNull(name, "name is null");
        requireNonNull(blockOn, "blockOn is null");
        requireNonNull(equal, "equal is null");
        requireNonNull(maxEdits, "maxEdits is null");
        checkArgument(Identifiers.isValid(name), "invalid comparison name: %s", name);
        checkArgument(!blockOn.isEmpty(), "a comparison needs at least one blocking part");
        checkArgument(!equal.isEmpty() || !maxEdits.isEmpty(), "a comparison needs at least one rule");
        checkArgument(maxBlockSize >= 2, "maxBlockSize must be at least 2");
        maxEdits.forEach((part, edits) -> checkArgument(edits >= 1 && edits <= MAX_EDITS, "max edits of %s must be 1 to %s", part, MAX_EDITS));
    }

    public IdentityComparison(String name, List<String> blockOn, int maxBlockSize, Set<String> equal, Map<String, Integer> maxEdits)
    {
        this(name, ImmutableList.copyOf(blockOn), maxBlockSize, ImmutableSortedSet.copyOf(equal), ImmutableSortedMap.copyOf(maxEdits));
    }

    /** Every part the comparison reads: blocking parts, then the compared ones, each once. */
    public ImmutableSortedSet<String> parts()
    {
        Set<String> parts = new TreeSet<>(blockOn);
        parts.addAll(equal);
        parts.addAll(maxEdits.keySet());
        return ImmutableSortedSet.copyOf(parts);
    }

    /** The parts that are not name, email or phone: a stage of the identity hub declares them under {@code identity: parts:}. */
    public ImmutableSortedSet<String> typedParts()
    {
        return parts().stream().filter(part -> IdentityPart.fromId(part).isEmpty()).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    public String junkKeyName()
    {
        return JUNK_PREFIX + name;
    }

    /** Whether two records' normalized parts satisfy every rule; a missing part satisfies none. */
    public boolean accepts(Map<String, String> left, Map<String, String> right)
    {
        for (String part : equal) {
            String a = left.get(part);
            if (a == null || !a.equals(right.get(part))) {
                return false;
            }
        }
        for (Map.Entry<String, Integer> rule : maxEdits.entrySet()) {
            String a = left.get(rule.getKey());
            String b = right.get(rule.getKey());
            if (a == null || b == null || TypedNormalizer.levenshtein(a, b) > rule.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The block of a record: its blocking parts' values joined, or null when it lacks one. */
    public String block(Map<String, String> parts)
    {
        StringBuilder block = new StringBuilder();
        for (String part : blockOn) {
            String value = parts.get(part);
            if (value == null) {
                return null;
            }
            if (!block.isEmpty()) {
                block.append(BLOCK_SEPARATOR);
            }
            block.append(value);
        }
        return block.toString();
    }
}
