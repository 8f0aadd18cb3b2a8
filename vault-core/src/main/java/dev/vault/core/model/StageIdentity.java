package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a stage says about a person, for identity resolution: which columns identify the source
 * record, and which hold the name, email and phone (raw; vault normalizes them). Typed parts
 * ({@code parts:}) map any other staged column to a named part with a kind that fixes its
 * normalization, e.g. {@code birth_date: {column: data_nascimento, kind: date}}. The stage view
 * gains {@code identity_record}, the normalized parts and one column per matching key.
 *
 * @param parts the typed parts by part name, in declaration order
 */
public record StageIdentity(ImmutableList<String> recordKey, Optional<String> name, Optional<String> email, Optional<String> phone,
        ImmutableMap<String, TypedPart> parts, Location location)
{
    public static final String PART_PREFIX = "identity_part_";

    public static final String RECORD = "identity_record";
    public static final String NAME = "identity_name";
    public static final String EMAIL = "identity_email";
    public static final String PHONE = "identity_phone";
    public static final String KEY_PREFIX = "identity_key_";

    /** The staging column holding the normalized part. */
    public static String column(IdentityPart part)
    {
        return switch (part) {
            case NAME -> NAME;
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
        };
    }

    public StageIdentity
    {
        requireNonNull(recordKey, "recordKey is null");
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(parts, "parts is null");
        requireNonNull(location, "location is null");
    }

    public StageIdentity(ImmutableList<String> recordKey, Optional<String> name, Optional<String> email, Optional<String> phone, Location location)
    {
        this(recordKey, name, email, phone, ImmutableMap.of(), location);
    }

    /** The staging column of any part by its name in vault.yml: a built-in part's, or a typed part's. */
    public static String columnOf(String part)
    {
        return IdentityPart.fromId(part).map(StageIdentity::column).orElseGet(() -> partColumn(part));
    }

    /** The staging column holding a typed part's normalized value. */
    public static String partColumn(String part)
    {
        return PART_PREFIX + part;
    }

    /** A staged column as a named key part of a kind: {@code cpf: {column: cpf, kind: cpf}}. */
    public record TypedPart(String name, String column, IdentityPartKind kind, Location location)
    {
        public TypedPart
        {
            requireNonNull(name, "name is null");
            requireNonNull(column, "column is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(location, "location is null");
        }
    }
}
