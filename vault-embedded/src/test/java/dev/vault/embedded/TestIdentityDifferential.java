package dev.vault.embedded;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.TypedNormalizer;
import dev.vault.sql.IdentitySql;
import dev.vault.sql.SqlText;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity hasher in Java and its SQL twin on Trino give the same normalized parts and the
 * same keys, byte for byte, on 120,000 hostile inputs. Where they disagree, the normalization
 * changes, not this test.
 */
class TestIdentityDifferential
{
    private static final int INPUTS = 120_000;
    private static final int BATCH = 5_000;

    @Test
    void javaAndTrinoAgreeOnEveryInput()
            throws Exception
    {
        IdentitySettings settings = new IdentitySettings("BR", ImmutableList.of(
                new IdentityKey("email", ImmutableSortedSet.of(IdentityPart.EMAIL)),
                new IdentityKey("name_phone", ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.PHONE)),
                new IdentityKey("name_email_phone", ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.EMAIL, IdentityPart.PHONE))),
                50);
        IdentityHasher hasher = new IdentityHasher(settings);
        IdentitySql sql = new IdentitySql(settings);
        List<TestingIdentityInputs.Input> inputs = TestingIdentityInputs.generate(INPUTS, 20261121L);

        Map<IdentityPart, String> normalizedColumns = new EnumMap<>(IdentityPart.class);
        normalizedColumns.put(IdentityPart.NAME, "normalized_name");
        normalizedColumns.put(IdentityPart.EMAIL, "normalized_email");
        normalizedColumns.put(IdentityPart.PHONE, "normalized_phone");
        StringBuilder keys = new StringBuilder();
        for (IdentityKey key : settings.keys()) {
            keys.append(",\n    ").append(sql.key(key, normalizedColumns)).append(" AS ").append(SqlText.identifier("key_" + key.name()));
        }

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int withEveryKey = 0;
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            for (String function : sql.functions(EmbeddedTrino.FUNCTION_CATALOG, EmbeddedTrino.FUNCTION_SCHEMA)) {
                statement.execute(function);
            }
            // the inputs go into a table first: constant VALUES would be folded by the planner, row by row
            statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg.identity_differential");
            statement.execute("CREATE OR REPLACE TABLE iceberg.identity_differential.inputs (id integer, name varchar, email varchar, phone varchar)");
            for (int start = 0; start < inputs.size(); start += BATCH) {
                StringBuilder values = new StringBuilder();
                for (int i = start; i < Math.min(inputs.size(), start + BATCH); i++) {
                    TestingIdentityInputs.Input input = inputs.get(i);
                    values.append(i == start ? "" : ",\n").append('(').append(i).append(", ")
                            .append(literal(input.name())).append(", ").append(literal(input.email())).append(", ").append(literal(input.phone())).append(')');
                }
                statement.execute("INSERT INTO iceberg.identity_differential.inputs VALUES " + values);
            }
            String query = """
                    WITH normalized AS (
                        SELECT id, name, email, phone, %s AS normalized_name, %s AS normalized_email, %s AS normalized_phone
                        FROM iceberg.identity_differential.inputs)
                    SELECT id, normalized_name, normalized_email, normalized_phone,
                        %s AS person_hash,
                        generate_person_hash(name, email, phone) AS person_hash_function%s
                    FROM normalized
                    """.formatted(sql.name("name"), sql.email("email"), sql.phone("phone"),
                    sql.personHash("normalized_name", "normalized_email", "normalized_phone"), keys);
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    int id = rows.getInt("id");
                    TestingIdentityInputs.Input input = inputs.get(id);
                    IdentityHasher.Normalized expected = hasher.normalize(input.name(), input.email(), input.phone());
                    String expectedHash = hasher.personHash(input.name(), input.email(), input.phone());
                    compare(mismatches, id, input, "name", expected.name(), rows.getString("normalized_name"));
                    compare(mismatches, id, input, "email", expected.email(), rows.getString("normalized_email"));
                    compare(mismatches, id, input, "phone", expected.phone(), rows.getString("normalized_phone"));
                    compare(mismatches, id, input, "generate_person_hash (inline)", expectedHash, rows.getString("person_hash"));
                    compare(mismatches, id, input, "generate_person_hash (function)", expectedHash, rows.getString("person_hash_function"));
                    Map<String, String> expectedKeys = hasher.keys(expected);
                    for (IdentityKey key : settings.keys()) {
                        compare(mismatches, id, input, "key " + key.name(), expectedKeys.get(key.name()), rows.getString("key_" + key.name()));
                    }
                    if (expectedKeys.size() == settings.keys().size()) {
                        withEveryKey++;
                    }
                    compared++;
                }
            }
            statement.execute("DROP TABLE iceberg.identity_differential.inputs");
        }
        assertThat(mismatches).as("inputs where Java and Trino differ").isEmpty();
        assertThat(compared).isEqualTo(INPUTS);
        // the inputs must exercise the keys, not only their absence
        assertThat(withEveryKey).isGreaterThan(INPUTS / 20);
    }

    /**
     * Every typed part kind, the typed keys built from them and levenshtein_distance: Java and
     * Trino agree on each of 110,000 raw values, each value normalized by every kind.
     */
    @Test
    void javaAndTrinoAgreeOnEveryPartKind()
            throws Exception
    {
        int count = 110_000;
        IdentitySql sql = new IdentitySql(IdentitySettings.defaults());
        List<String> inputs = TestingPartInputs.generate(count, 20261202L);
        // typed keys over the normalized columns of one row: label -> kind
        Map<String, List<IdentityPartKind>> typedKeys = new LinkedHashMap<>();
        typedKeys.put("name_dob", List.of(IdentityPartKind.NAME, IdentityPartKind.DATE));
        typedKeys.put("cpf", List.of(IdentityPartKind.CPF));
        typedKeys.put("code_text", List.of(IdentityPartKind.CODE, IdentityPartKind.TEXT));
        typedKeys.put("soundex_dob", List.of(IdentityPartKind.SOUNDEX, IdentityPartKind.DATE));
        typedKeys.put("phonetic_postcode", List.of(IdentityPartKind.PHONETIC_PT, IdentityPartKind.POSTCODE));

        StringBuilder columns = new StringBuilder();
        for (IdentityPartKind kind : IdentityPartKind.values()) {
            columns.append(",\n        ").append(sql.part(kind, "raw")).append(" AS ").append(SqlText.identifier("k_" + kind.id()));
        }
        StringBuilder keys = new StringBuilder();
        for (Map.Entry<String, List<IdentityPartKind>> key : typedKeys.entrySet()) {
            Map<String, String> parts = new LinkedHashMap<>();
            key.getValue().forEach(kind -> parts.put(kind.id(), SqlText.identifier("k_" + kind.id())));
            keys.append(",\n    ").append(sql.typedKey(parts)).append(" AS ").append(SqlText.identifier("key_" + key.getKey()));
        }

        List<String> mismatches = new ArrayList<>();
        Map<IdentityPartKind, Integer> present = new EnumMap<>(IdentityPartKind.class);
        int compared = 0;
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg.identity_differential");
            statement.execute("CREATE OR REPLACE TABLE iceberg.identity_differential.part_inputs (id integer, raw varchar)");
            for (int start = 0; start < inputs.size(); start += BATCH) {
                StringBuilder values = new StringBuilder();
                for (int i = start; i < Math.min(inputs.size(), start + BATCH); i++) {
                    values.append(i == start ? "" : ",\n").append('(').append(i).append(", ").append(literal(inputs.get(i))).append(')');
                }
                statement.execute("INSERT INTO iceberg.identity_differential.part_inputs VALUES " + values);
            }
            String query = """
                    WITH normalized AS (
                        SELECT id%s
                        FROM iceberg.identity_differential.part_inputs)
                    SELECT *%s,
                        IF(length(coalesce(k_name, '')) <= 200, levenshtein_distance(coalesce(k_name, ''), coalesce(k_sorted_name, ''))) AS name_distance
                    FROM normalized
                    """.formatted(columns, keys);
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    int id = rows.getInt("id");
                    String input = inputs.get(id);
                    Map<IdentityPartKind, String> expected = new EnumMap<>(IdentityPartKind.class);
                    for (IdentityPartKind kind : IdentityPartKind.values()) {
                        String java = kind.normalize(input, "BR");
                        expected.put(kind, java);
                        if (java != null) {
                            present.merge(kind, 1, Integer::sum);
                        }
                        compareRaw(mismatches, id, input, kind.id(), java, rows.getString("k_" + kind.id()));
                    }
                    for (Map.Entry<String, List<IdentityPartKind>> key : typedKeys.entrySet()) {
                        String java = IdentityHasher.typedKey(key.getValue().stream().map(IdentityPartKind::id).toList(),
                                key.getValue().stream().map(expected::get).toList());
                        compareRaw(mismatches, id, input, "key " + key.getKey(), java, rows.getString("key_" + key.getKey()));
                    }
                    String name = Objects.requireNonNullElse(expected.get(IdentityPartKind.NAME), "");
                    String sorted = Objects.requireNonNullElse(expected.get(IdentityPartKind.SORTED_NAME), "");
                    // Trino refuses levenshtein_distance over too large inputs (1,000-character names); comparison steps compare short values
                    String distance = name.length() <= 200 ? Integer.toString(TypedNormalizer.levenshtein(name, sorted)) : null;
                    compareRaw(mismatches, id, input, "levenshtein_distance", distance, rows.getString("name_distance"));
                    compared++;
                }
            }
            statement.execute("DROP TABLE iceberg.identity_differential.part_inputs");
        }
        assertThat(mismatches).as("inputs where Java and Trino differ").isEmpty();
        assertThat(compared).isEqualTo(count);
        // every kind must see real values, not only NULLs
        for (IdentityPartKind kind : IdentityPartKind.values()) {
            assertThat(present.getOrDefault(kind, 0)).as("inputs with a %s", kind.id()).isGreaterThan(count / 50);
        }
    }

    private static void compareRaw(List<String> mismatches, int id, String input, String what, String java, String trino)
    {
        if (!Objects.equals(java, trino) && mismatches.size() < 30) {
            mismatches.add("#%d %s: java=%s trino=%s input=%s".formatted(id, what, java == null ? null : escape(java), trino == null ? null : escape(trino), input == null ? null : escape(input)));
        }
    }

    private static void compare(List<String> mismatches, int id, TestingIdentityInputs.Input input, String what, String java, String trino)
    {
        if (!Objects.equals(java, trino) && mismatches.size() < 20) {
            mismatches.add("#%d %s: java=%s trino=%s input=%s".formatted(id, what, java, trino, escape(input.toString())));
        }
    }

    private static String literal(String value)
    {
        return value == null ? "CAST(NULL AS varchar)" : SqlText.literal(value);
    }

    private static String escape(String text)
    {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 32 && c < 127 ? Character.toString(c) : "\\u{%X}".formatted(c)));
        return out.length() > 300 ? out.substring(0, 300) + "..." : out.toString();
    }
}
