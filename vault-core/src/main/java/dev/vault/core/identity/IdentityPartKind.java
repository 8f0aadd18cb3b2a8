package dev.vault.core.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * The kind of a typed key part: it fixes how a staged column is normalized before it takes part in
 * a key. Each kind has its Java normalizer here and its SQL twin in vault-sql ({@code identity.ftl}),
 * proven equal by TestIdentityDifferential. The name-derived kinds ({@code soundex},
 * {@code phonetic_pt}, {@code initial_surname}, {@code sorted_name}) normalize the column as a name
 * first, then derive a code from it that tolerates typos or swapped names.
 */
public enum IdentityPartKind
{
    NAME((value, country) -> IdentityNormalizer.name(value)),
    EMAIL((value, country) -> IdentityNormalizer.email(value)),
    PHONE(IdentityNormalizer::phone),
    /** An ISO date (yyyy-mm-dd) from yyyy-mm-dd, dd/mm/yyyy, dd.mm.yyyy, yyyymmdd and the like; day first, as in Brazil. */
    DATE((value, country) -> TypedNormalizer.date(value)),
    /** The digits of a document number, no check. */
    DOCUMENT((value, country) -> TypedNormalizer.document(value)),
    /** A Brazilian CPF: 11 digits (leading zeros a spreadsheet dropped restored) with valid check digits. */
    CPF((value, country) -> TypedNormalizer.cpf(value)),
    /** A Brazilian CNPJ: 14 digits (leading zeros restored) with valid check digits. */
    CNPJ((value, country) -> TypedNormalizer.cnpj(value)),
    /** Letters and digits only, lower case: "01310-100" is "01310100", "SW1A 1AA" is "sw1a1aa". */
    POSTCODE((value, country) -> TypedNormalizer.postcode(value)),
    /** Case, accents and runs of spaces folded; everything else kept. */
    TEXT((value, country) -> TypedNormalizer.text(value)),
    /** Trimmed of spaces and line breaks, otherwise exact. */
    CODE((value, country) -> TypedNormalizer.code(value)),
    /** Trino's soundex() of each word of the normalized name. */
    SOUNDEX((value, country) -> TypedNormalizer.soundex(IdentityNormalizer.name(value))),
    /** A phonetic code for Portuguese names (Sousa = Souza, Filipe = Felipe is not claimed; see docs/identity.md). */
    PHONETIC_PT((value, country) -> TypedNormalizer.phoneticPt(IdentityNormalizer.name(value))),
    /** First initial and last word of the normalized name: "maria eduarda lima" is "m lima". */
    INITIAL_SURNAME((value, country) -> TypedNormalizer.initialSurname(IdentityNormalizer.name(value))),
    /** The words of the normalized name in sorted order, for swapped given name and surname. */
    SORTED_NAME((value, country) -> TypedNormalizer.sortedName(IdentityNormalizer.name(value)));

    private final BiFunction<String, String, String> normalizer;

    IdentityPartKind(BiFunction<String, String, String> normalizer)
    {
        this.normalizer = requireNonNull(normalizer, "normalizer is null");
    }

    /** The normalized value, or null when the raw value is null or normalizes to nothing. */
    public String normalize(String value, String defaultCountry)
    {
        return normalizer.apply(value, defaultCountry);
    }

    /** The name used in YAML: {@code phonetic_pt}. */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityPartKind> fromId(String id)
    {
        for (IdentityPartKind kind : values()) {
            if (kind.id().equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
