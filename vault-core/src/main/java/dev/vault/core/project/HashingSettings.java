package dev.vault.core.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * The hash key of business key parts as a stage computes it (lib.ftl's keyInput and key):
     * each part trimmed, blank as null, upper-cased unless case is preserved, '\' and '|'
     * escaped, null written '\N', joined by '|'; all parts null is the zero key. For fixtures
     * of {@code vault test --unit}, which compare these with what the SQL wrote.
     */
    public String hashKey(List<String> parts)
    {
        String input = keyInput(parts, businessKeyCase == KeyCase.UPPER);
        return input.equals(String.join("|", Collections.nCopies(parts.size(), "\\N"))) ? zeroKey() : hash(input);
    }

    /**
     * An identity stage's {@code identity_record} (and so the key of a person first seen in that
     * record): the hash of the record source, '|', and the record key parts as a hash key's
     * input, case kept.
     */
    public String identityRecord(String recordSource, List<String> recordKey)
    {
        return hash(recordSource + "|" + keyInput(recordKey, false));
    }

    /**
     * A hashdiff as a stage computes it (lib.ftl's diffInput): {@code name=value} of the non-null
     * payload columns, values trimmed and escaped, sorted by name, joined by '|'.
     */
    public String hashdiff(Map<String, String> payload)
    {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(payload).forEach((name, value) -> {
            if (value != null) {
                pairs.add(name + "=" + escape(value.strip()));
            }
        });
        return hash(String.join("|", pairs));
    }

    private static String keyInput(List<String> parts, boolean upper)
    {
        List<String> inputs = new ArrayList<>();
        for (String part : parts) {
            String value = part == null ? null : part.strip();
            if (value == null || value.isEmpty()) {
                inputs.add("\\N");
                continue;
            }
            inputs.add(escape(upper ? value.toUpperCase(Locale.ROOT) : value));
        }
        return String.join("|", inputs);
    }

    private static String escape(String value)
    {
        return value.replace("\\", "\\\\").replace("|", "\\|");
    }

    /** The upper-case hex of this algorithm's digest of the UTF-8 of {@code input}: Trino's to_hex(sha256(to_utf8(input))). */
    public String hash(String input)
    {
        String name = switch (algorithm) {
            case SHA256 -> "SHA-256";
            case SHA512 -> "SHA-512";
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
        };
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(name).digest(input.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + name, e);
        }
    }
}
