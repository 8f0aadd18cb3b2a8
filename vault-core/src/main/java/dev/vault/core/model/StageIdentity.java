package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import dev.vault.core.identity.IdentityPart;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a stage says about a person, for identity resolution: which columns identify the source
 * record, and which hold the name, email and phone (raw; vault normalizes them). The stage view
 * gains {@code identity_record}, the normalized parts and one column per matching key.
 */
public record StageIdentity(ImmutableList<String> recordKey, Optional<String> name, Optional<String> email, Optional<String> phone, Location location)
{
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
        requireNonNull(location, "location is null");
    }
}
