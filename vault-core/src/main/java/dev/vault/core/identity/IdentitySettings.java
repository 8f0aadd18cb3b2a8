package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How persons are matched ({@code identity:} in vault.yml).
 *
 * @param defaultCountry ISO code whose phone rules apply to numbers without a country code;
 *         {@code BR} has full rules, any other country keeps the digits
 * @param keys the matching keys
 * @param maxRecordsPerKey a key value shared by more distinct records than this is junk (a test
 *         email, a call centre's phone): it is not used for matching and is reported;
 *         {@link #NO_JUNK_GUARD} ({@code max-records-per-key: off}) switches the guard off
 * @param comparisons typo-tolerant rules whose accepted pairs join persons as a shared key does
 */
public record IdentitySettings(String defaultCountry, ImmutableList<IdentityKey> keys, int maxRecordsPerKey, ImmutableList<IdentityComparison> comparisons)
{
    /** {@code max-records-per-key: off}: no key value is ever shared by more records than this. */
    public static final int NO_JUNK_GUARD = Integer.MAX_VALUE;

    /**
     * Parts whose values are checked for junk on their own, whether or not a key is made of them
     * alone: a name shared by many people is common, an email or a phone shared by many is not
     * theirs (a test address, a call centre). Keys built from a junk value are not matched on.
     * They are reported under these names.
     */
    public static final ImmutableList<IdentityKey> JUNK_CHECKED_PARTS = ImmutableList.of(
            new IdentityKey("email", ImmutableSortedSet.of(IdentityPart.EMAIL)),
            new IdentityKey("phone", ImmutableSortedSet.of(IdentityPart.PHONE)));

    public IdentitySettings
    {
        requireNonNull(defaultCountry, "defaultCountry is null");
        requireNonNull(keys, "keys is null");
        checkArgument(defaultCountry.matches("[A-Z]{2}"), "country must be an ISO 3166 alpha-2 code: %s", defaultCountry);
        checkArgument(!keys.isEmpty(), "at least one key is needed");
        checkArgument(maxRecordsPerKey >= 2, "maxRecordsPerKey must be at least 2");
        requireNonNull(comparisons, "comparisons is null");
        for (IdentityKey key : keys) {
            for (IdentityKey part : JUNK_CHECKED_PARTS) {
                checkArgument(!key.name().equals(part.name()) || key.labels().equals(part.labels()),
                        "a key named '%s' must be made of %s alone", key.name(), part.name());
            }
        }
    }

    public IdentitySettings(String defaultCountry, ImmutableList<IdentityKey> keys, int maxRecordsPerKey)
    {
        this(defaultCountry, keys, maxRecordsPerKey, ImmutableList.of());
    }

    /** The typed parts any key or comparison reads, sorted: every identity stage carries a column for each. */
    public ImmutableSortedSet<String> typedParts()
    {
        ImmutableSortedSet.Builder<String> parts = ImmutableSortedSet.naturalOrder();
        keys.forEach(key -> parts.addAll(key.typedParts()));
        comparisons.forEach(comparison -> parts.addAll(comparison.typedParts()));
        return parts.build();
    }

    /**
     * Email alone identifies a person; a phone only together with the name, since families and
     * offices share phones.
     */
    public static IdentitySettings defaults()
    {
        return new IdentitySettings("BR", ImmutableList.of(
                new IdentityKey("email", ImmutableSortedSet.of(IdentityPart.EMAIL)),
                new IdentityKey("name_phone", ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.PHONE))),
                50);
    }
}
