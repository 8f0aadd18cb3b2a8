package dev.vault.core.identity;

import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.model.Identifiers;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A matching key: a named combination of identity parts, e.g. {@code name_phone = {name, phone}}.
 * Two records that have the same value for a key are the same person. A record has the key only
 * when it has every part of it.
 */
public record IdentityKey(String name, ImmutableSortedSet<IdentityPart> parts)
{
    public IdentityKey
    {
        requireNonNull(name, "name is null");
        requireNonNull(parts, "parts is null");
        checkArgument(Identifiers.isValid(name), "invalid key name: %s", name);
        checkArgument(!parts.isEmpty(), "a key needs at least one part");
    }
}
