package dev.vault.core.identity;

import java.util.Locale;

/** The parts of a person's identity that keys are made of, in their canonical order. */
public enum IdentityPart
{
    NAME, EMAIL, PHONE;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
