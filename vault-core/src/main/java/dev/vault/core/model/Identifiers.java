package dev.vault.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names vault accepts for models, columns, schemas and catalogs. Trino folds unquoted names
 * to lower case, so only lower-case names are accepted: a name then means the same thing quoted
 * or not, in vault's SQL and in a user's query. Compiled SQL still quotes every name.
 */
public final class Identifiers
{
    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]*");

    private Identifiers() {}

    public static boolean isValid(String name)
    {
        return name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }

    /** Empty when valid; otherwise why not, and a name that would be. */
    public static Optional<String> check(String name, String what)
    {
        if (isValid(name)) {
            return Optional.empty();
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("%s '%s...' is longer than %s characters".formatted(what, name.substring(0, 20), MAX_LENGTH));
        }
        String suggestion = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (suggestion.isEmpty() || !Character.isLetter(suggestion.charAt(0)) && suggestion.charAt(0) != '_') {
            suggestion = "_" + suggestion;
        }
        return Optional.of("%s '%s' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. '%s')"
                .formatted(what, name, suggestion));
    }
}
