package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityNormalizer;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.TypedNormalizer;
import dev.vault.core.model.StageIdentity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The SQL twin of {@link IdentityHasher}: Trino expressions that normalize names, emails and
 * phones and compute matching keys exactly as the Java hasher does. Inputs are SQL expressions
 * (column references, literals), outputs are SQL expressions; templates in {@code identity.ftl}.
 */
public final class IdentitySql
{
    private final IdentitySettings settings;
    private final Templates templates = new Templates("trino");

    public IdentitySql(IdentitySettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public String name(String input)
    {
        return render("name", Map.of("input", input));
    }

    public String email(String input)
    {
        return render("email", Map.of("input", input));
    }

    public String phone(String input)
    {
        return render("phone", Map.of("input", input, "country", settings.defaultCountry()));
    }

    /**
     * The normalized value of a typed key part: the SQL twin of {@link IdentityPartKind#normalize}.
     * The name-derived kinds normalize the input as a name first.
     */
    public String part(IdentityPartKind kind, String input)
    {
        return switch (kind) {
            case NAME -> name(input);
            case EMAIL -> email(input);
            case PHONE -> phone(input);
            case DATE -> render("date", Map.of("input", input));
            case DOCUMENT -> render("document", Map.of("input", input));
            case CPF -> render("cpf", Map.of("input", input));
            case CNPJ -> render("cnpj", Map.of("input", input));
            case POSTCODE -> render("postcode", Map.of("input", input));
            case TEXT -> render("text", Map.of("input", input));
            case CODE -> render("code", Map.of("input", input));
            case SOUNDEX -> render("soundex", Map.of("input", name(input)));
            case PHONETIC_PT -> render("phoneticPt", Map.of("input", name(input)));
            case INITIAL_SURNAME -> render("initialSurname", Map.of("input", name(input)));
            case SORTED_NAME -> render("sortedName", Map.of("input", name(input)));
        };
    }

    /**
     * The SQL twin of {@link IdentityHasher#typedKey}: the key of labelled, already normalized
     * parts, in the order given.
     *
     * @param normalized part label to SQL expression of its normalized value, in key order
     */
    public String typedKey(Map<String, String> normalized)
    {
        List<Map<String, String>> parts = new ArrayList<>();
        normalized.forEach((label, expression) -> parts.add(Map.of("id", label, "expression", expression)));
        return render("typedKey", Map.of("parts", parts));
    }

    /** The normalized parts as a staging view holds them: identity_name, identity_email, identity_phone. */
    public static Map<IdentityPart, String> stagedParts()
    {
        Map<IdentityPart, String> parts = new EnumMap<>(IdentityPart.class);
        for (IdentityPart part : IdentityPart.values()) {
            parts.put(part, SqlText.identifier(StageIdentity.column(part)));
        }
        return parts;
    }

    /**
     * A matching key from already normalized parts.
     *
     * @param normalized SQL expressions of the normalized name, email and phone
     */
    public String key(IdentityKey key, Map<IdentityPart, String> normalized)
    {
        List<Map<String, String>> parts = new ArrayList<>();
        for (IdentityPart part : key.parts()) {
            parts.add(Map.of("id", part.id(), "expression", requireNonNull(normalized.get(part), "no expression for " + part)));
        }
        return render("key", Map.of("parts", parts));
    }

    /** generate_person_hash over already normalized parts. */
    public String personHash(String normalizedName, String normalizedEmail, String normalizedPhone)
    {
        return render("personHash", Map.of("name", normalizedName, "email", normalizedEmail, "phone", normalizedPhone));
    }

    /**
     * CREATE FUNCTION statements for {@code normalize_person_name}, {@code normalize_email},
     * {@code normalize_phone} and {@code generate_person_hash(name, email, phone)} in a schema
     * that can store SQL routines (on the embedded engine, its memory catalog).
     */
    public ImmutableList<String> functions(String catalog, String schema)
    {
        return ImmutableList.of(
                function(catalog, schema, "normalize_person_name", List.of("name"), name("name")),
                function(catalog, schema, "normalize_email", List.of("email"), email("email")),
                function(catalog, schema, "normalize_phone", List.of("phone"), phone("phone")),
                function(catalog, schema, "generate_person_hash", List.of("name", "email", "phone"),
                        personHash(name("name"), email("email"), phone("phone"))));
    }

    private String function(String catalog, String schema, String function, List<String> parameters, String body)
    {
        return templates.render("identity_functions.ftl", Map.of(
                "catalog", catalog,
                "schema", schema,
                "function", function,
                "parameters", parameters,
                "body", body)).strip();
    }

    private String render(String what, Map<String, Object> arguments)
    {
        Map<String, Object> model = new HashMap<>(arguments);
        model.put("what", what);
        model.putAll(constants());
        return templates.render("identity_expression.ftl", model).strip();
    }

    private static Map<String, Object> constants()
    {
        StringBuilder singleFrom = new StringBuilder();
        StringBuilder singleTo = new StringBuilder();
        List<Map<String, String>> multi = new ArrayList<>();
        IdentityNormalizer.LETTER_MAP.forEach((from, to) -> {
            if (to.length() == 1) {
                singleFrom.append(from);
                singleTo.append(to);
            }
            else {
                multi.add(Map.of("from", from, "to", to));
            }
        });
        return ImmutableMap.<String, Object>builder()
                .put("version", IdentityHasher.VERSION)
                .put("singleFrom", singleFrom.toString())
                .put("singleTo", singleTo.toString())
                .put("multiLetters", multi)
                .put("plusTagDomains", IdentityNormalizer.PLUS_TAG_DOMAINS.asList())
                .put("dotlessDomains", IdentityNormalizer.DOTLESS_DOMAINS.asList())
                .put("dateRun", TypedNormalizer.DATE_RUN)
                .put("yearFirst", TypedNormalizer.DATE_YEAR_FIRST)
                .put("dayFirst", TypedNormalizer.DATE_DAY_FIRST)
                .put("compact", TypedNormalizer.DATE_COMPACT)
                .put("minYear", TypedNormalizer.MIN_YEAR)
                .put("maxYear", TypedNormalizer.MAX_YEAR)
                .put("phoneticRules", Arrays.stream(TypedNormalizer.PHONETIC_PT_RULES).map(List::of).toList())
                .buildOrThrow();
    }
}
