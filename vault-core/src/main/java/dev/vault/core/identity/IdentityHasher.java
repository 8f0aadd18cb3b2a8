package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Computes the matching keys of a lead in Java, identical to those the warehouse computes with
 * the SQL twin. A key is SHA-256, as upper-case hex (Trino's to_hex), of
 * {@code vault-person-v1} followed by {@code |<part>=<normalized value>} for each of the key's
 * parts in the order name, email, phone. Normalized values are ASCII without '|', so the
 * encoding is unambiguous. Instances are thread-safe.
 */
public final class IdentityHasher
{
    public static final String VERSION = "vault-person-v1";
    private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    });
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[512]);

    private final IdentitySettings settings;
    // which parts each configured key uses, worked out once: the hot path hashes millions of leads
    private final boolean[] usesName;
    private final boolean[] usesEmail;
    private final boolean[] usesPhone;
    // a key with typed parts (birth_date, cpf) needs columns this hasher is not given: it has no value here
    private final boolean[] typed;

    public IdentityHasher(IdentitySettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        ImmutableList<IdentityKey> keys = settings.keys();
        usesName = new boolean[keys.size()];
        usesEmail = new boolean[keys.size()];
        usesPhone = new boolean[keys.size()];
        typed = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            usesName[i] = keys.get(i).parts().contains(IdentityPart.NAME);
            usesEmail[i] = keys.get(i).parts().contains(IdentityPart.EMAIL);
            usesPhone[i] = keys.get(i).parts().contains(IdentityPart.PHONE);
            typed[i] = keys.get(i).isTyped();
        }
    }

    public IdentitySettings settings()
    {
        return settings;
    }

    /** The normalized parts of a lead; any may be null. */
    public record Normalized(String name, String email, String phone)
    {
        public String part(IdentityPart part)
        {
            return switch (part) {
                case NAME -> name;
                case EMAIL -> email;
                case PHONE -> phone;
            };
        }
    }

    public Normalized normalize(String name, String email, String phone)
    {
        return new Normalized(
                IdentityNormalizer.name(name),
                IdentityNormalizer.email(email),
                IdentityNormalizer.phone(phone, settings.defaultCountry()));
    }

    /** The configured keys a lead has, by key name, in configuration order; absent keys are left out. */
    public Map<String, String> keys(String name, String email, String phone)
    {
        return keys(normalize(name, email, phone));
    }

    public Map<String, String> keys(Normalized normalized)
    {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] values = keyValues(normalized);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                keys.put(settings.keys().get(i).name(), values[i]);
            }
        }
        return keys;
    }

    /** The key values of a lead in configuration order, null where absent; the fast path for bulk work. */
    public String[] keyValues(Normalized normalized)
    {
        String[] values = new String[usesName.length];
        String name = normalized.name();
        String email = normalized.email();
        String phone = normalized.phone();
        for (int i = 0; i < values.length; i++) {
            if (typed[i] || usesName[i] && name == null || usesEmail[i] && email == null || usesPhone[i] && phone == null) {
                continue;
            }
            values[i] = hash(usesName[i] ? name : null, usesEmail[i] ? email : null, usesPhone[i] ? phone : null);
        }
        return values;
    }

    /** One key of a lead, or null when it lacks one of the key's parts. */
    public static String key(IdentityKey key, Normalized normalized)
    {
        if (key.isTyped()) {
            return null;
        }
        for (IdentityPart part : key.parts()) {
            if (normalized.part(part) == null) {
                return null;
            }
        }
        return hash(key.parts().contains(IdentityPart.NAME) ? normalized.name() : null,
                key.parts().contains(IdentityPart.EMAIL) ? normalized.email() : null,
                key.parts().contains(IdentityPart.PHONE) ? normalized.phone() : null);
    }

    /**
     * The seeds' {@code generate_person_hash(name, email, phone)}: the key of whichever parts are
     * present after normalization, or null when none is.
     */
    public String personHash(String name, String email, String phone)
    {
        Normalized normalized = normalize(name, email, phone);
        if (normalized.name() == null && normalized.email() == null && normalized.phone() == null) {
            return null;
        }
        return hash(normalized.name(), normalized.email(), normalized.phone());
    }

    /**
     * A key of typed parts ({@link IdentityPartKind}): SHA-256 as upper-case hex of
     * {@code vault-person-v1} followed by {@code |<label>=<value>} for each part in the order given,
     * values in UTF-8 with '\\' and '|' escaped by a backslash, so that free text and codes cannot
     * forge another key. Null when a value is null. Name, email and phone values never hold either
     * character, so a typed key of the parts name, email, phone in that order is the key above.
     */
    public static String typedKey(List<String> labels, List<String> values)
    {
        StringBuilder text = new StringBuilder(VERSION);
        for (int i = 0; i < labels.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                return null;
            }
            text.append('|').append(labels.get(i)).append('=').append(value.replace("\\", "\\\\").replace("|", "\\|"));
        }
        MessageDigest digest = SHA_256.get();
        return HexFormat.of().withUpperCase().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Hashes the given normalized parts (null ones left out) with the key encoding. */
    static String hash(String name, String email, String phone)
    {
        int length = VERSION_BYTES.length + size("name", name) + size("email", email) + size("phone", phone);
        byte[] buffer = BUFFER.get();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
            BUFFER.set(buffer);
        }
        System.arraycopy(VERSION_BYTES, 0, buffer, 0, VERSION_BYTES.length);
        int position = VERSION_BYTES.length;
        position = put(buffer, position, "name", name);
        position = put(buffer, position, "email", email);
        position = put(buffer, position, "phone", phone);
        MessageDigest digest = SHA_256.get();
        digest.update(buffer, 0, position);
        byte[] hash = digest.digest();
        byte[] hex = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static int size(String label, String value)
    {
        return value == null ? 0 : 2 + label.length() + value.length();
    }

    private static int put(byte[] buffer, int position, String label, String value)
    {
        if (value == null) {
            return position;
        }
        buffer[position++] = '|';
        for (int i = 0; i < label.length(); i++) {
            buffer[position++] = (byte) label.charAt(i);
        }
        buffer[position++] = '=';
        for (int i = 0; i < value.length(); i++) {
            // normalized values are ASCII
            buffer[position++] = (byte) value.charAt(i);
        }
        return position;
    }
}
