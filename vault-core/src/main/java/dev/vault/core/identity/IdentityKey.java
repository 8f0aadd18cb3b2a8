package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.model.Identifiers;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A matching key: a named combination of identity parts, e.g. {@code name_phone = {name, phone}}.
 * Two records that have the same value for a key are the same person. A record has the key only
 * when it has every part of it.
 *
 * @param parts the built-in parts (name, email, phone)
 * @param typedParts the typed parts, by the name a stage's {@code identity: parts:} gives them
 *         (e.g. {@code birth_date}, {@code cpf}); their kind is the stage's
 */
public record IdentityKey(String name, ImmutableSortedSet<IdentityPart> parts, ImmutableSortedSet<String> typedParts)
{
    public IdentityKey
    {
        requireNonNull(name, "name is null");
        requireNonNull(parts, "parts is null");
        requireNonNull(typedParts, "typedParts is null");
        checkArgument(Identifiers.isValid(name), "invalid key name: %s", name);
        checkArgument(!parts.isEmpty() || !typedParts.isEmpty(), "a key needs at least one part");
        for (String typed : typedParts) {
            checkArgument(IdentityPart.fromId(typed).isEmpty(), "typed part %s is a built-in part", typed);
        }
    }

    public IdentityKey(String name, ImmutableSortedSet<IdentityPart> parts)
    {
        this(name, parts, ImmutableSortedSet.of());
    }

    /** Whether the key has a typed part, which only the SQL engine computes (the Java hasher sees name, email and phone only). */
    public boolean isTyped()
    {
        return !typedParts.isEmpty();
    }

    /**
     * The part labels in key order: the built-in parts in their canonical order, then the typed
     * parts sorted by name. A key of built-in parts only hashes exactly as before
     * ({@link IdentityHasher#typedKey} of these labels is the existing key).
     */
    public ImmutableList<String> labels()
    {
        ImmutableList.Builder<String> labels = ImmutableList.builder();
        parts.forEach(part -> labels.add(part.id()));
        labels.addAll(typedParts);
        return labels.build();
    }
}
