package dev.vault.core.project;

import static java.util.Objects.requireNonNull;

/**
 * How hash keys and hashdiffs are computed. Defaults, and why:
 * <ul>
 * <li>algorithm SHA-256, as upper-case hex; MD5 and SHA-1 are offered
 *     for compatibility with existing vaults only.</li>
 * <li>business keys are trimmed and upper-cased before hashing (AutomateDV's rule), so
 *     'abc' and ' ABC' are one key; {@code business-key-case: preserve} keeps case.</li>
 * <li>parts are joined with '|'; '\' and '|' inside values are escaped as '\\' and '\|', and a
 *     null or blank part is written '\N', so ('a|b', 'c') and ('a', 'b|c') never collide.</li>
 * <li>a hash key whose parts are all null or blank is the zero key ('0' repeated), the
 *     "unknown" member of the hub, so such rows are kept and countable, never dropped.</li>
 * <li>hashdiffs hash {@code name=value} pairs of the non-null payload columns, sorted by name:
 *     column order does not matter, and adding a payload column leaves the hashdiffs of rows
 *     where it is null unchanged, so history is not rewritten by a schema change.</li>
 * </ul>
 */
public record HashingSettings(Algorithm algorithm, KeyCase businessKeyCase)
{
    public enum Algorithm
    {
        SHA256(64), SHA512(128), MD5(32), SHA1(40);

        private final int hexLength;

        Algorithm(int hexLength)
        {
            this.hexLength = hexLength;
        }

        public int hexLength()
        {
            return hexLength;
        }
    }

    public enum KeyCase
    {
        UPPER, PRESERVE
    }

    public HashingSettings
    {
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(businessKeyCase, "businessKeyCase is null");
    }

    public static HashingSettings defaults()
    {
        return new HashingSettings(Algorithm.SHA256, KeyCase.UPPER);
    }

    public String zeroKey()
    {
        return "0".repeat(algorithm.hexLength());
    }
}
