package dev.vault.core.identity;

import java.util.Locale;
import java.util.Optional;

/** The parts of a person's identity that keys are made of, in their canonical order. */
public enum IdentityPart
{
    NAME, EMAIL, PHONE;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityPart> fromId(String id)
    {
        for (IdentityPart part : values()) {
            if (part.id().equals(id)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
