package dev.vault.embedded.conformance;

import dev.vault.core.project.HashingSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * How scenario values are written and compared. Timestamps may be written short
 * ({@code 2026-01-01 10:00}, UTC implied) and are compared to the second, with a fraction only
 * when it is not zero. A value starting with {@code =} is a helper expression:
 * {@code =hash(H01-A)} or {@code =hash(H01-A, X)} is the hash key of those business keys,
 * computed here in Java by the project's hashing rules (an oracle independent of the SQL),
 * {@code =hash(null)} and {@code =zero-key} the zero key.
 */
final class Values
{
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d)(:\\d\\d)?(?:\\.(\\d+))?(?: ?(?:UTC|Z))?");
    private static final Pattern HASH = Pattern.compile("=hash\\((.*)\\)");

    private final HashingSettings hashing;

    Values(HashingSettings hashing)
    {
        this.hashing = requireNonNull(hashing, "hashing is null");
    }

    /** The comparable form of a value read from a table; null stays null. */
    static String actual(String value)
    {
        return value == null ? null : canonicalTimestamp(value);
    }

    /** The comparable form of an expected value, helper expressions evaluated. */
    String expected(String value)
    {
        if (value == null) {
            return null;
        }
        if (value.equals("=zero-key")) {
            return hashing.zeroKey();
        }
        Matcher hash = HASH.matcher(value);
        if (hash.matches()) {
            List<String> parts = new ArrayList<>();
            for (String part : hash.group(1).split(",", -1)) {
                parts.add(part.strip().equals("null") ? null : part.strip());
            }
            return hashKey(parts);
        }
        if (value.startsWith("=")) {
            throw new IllegalArgumentException("unknown helper '" + value + "': use =hash(key, ...) or =zero-key");
        }
        return canonicalTimestamp(value);
    }

    /** The text to cast to a bronze column of {@code type}. */
    static String input(String value, String type)
    {
        if (type.startsWith("timestamp")) {
            Matcher matcher = TIMESTAMP.matcher(value);
            if (matcher.matches()) {
                return canonicalTimestamp(value) + (type.endsWith("with time zone") ? " UTC" : "");
            }
        }
        return value;
    }

    /** The hash key of business key parts: trimmed, blank as null, case per settings, escaped, '|'-joined; all null is the zero key. */
    String hashKey(List<String> parts)
    {
        List<String> inputs = new ArrayList<>();
        boolean allNull = true;
        for (String part : parts) {
            String value = part == null ? null : part.strip();
            if (value == null || value.isEmpty()) {
                inputs.add("\\N");
                continue;
            }
            allNull = false;
            if (hashing.businessKeyCase() == HashingSettings.KeyCase.UPPER) {
                value = value.toUpperCase(Locale.ROOT);
            }
            inputs.add(value.replace("\\", "\\\\").replace("|", "\\|"));
        }
        if (allNull) {
            return hashing.zeroKey();
        }
        String algorithm = switch (hashing.algorithm()) {
            case SHA256 -> "SHA-256";
            case SHA512 -> "SHA-512";
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
        };
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(String.join("|", inputs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonicalTimestamp(String value)
    {
        Matcher matcher = TIMESTAMP.matcher(value);
        if (!matcher.matches()) {
            return value;
        }
        String seconds = matcher.group(3) == null ? ":00" : matcher.group(3);
        String fraction = matcher.group(4) == null ? "" : matcher.group(4).replaceFirst("0+$", "");
        return matcher.group(1) + " " + matcher.group(2) + seconds + (fraction.isEmpty() ? "" : "." + fraction);
    }
}
