package dev.vault.sql;

import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The staging view and identity hub SQL of typed key parts (a stage's {@code identity: parts:}). */
class TestTrinoCompilerTypedIdentity
{
    private static final String MODELS = """
            sources:
              - name: leads
                record-source: forms
                load-timestamp: loaded_at
                columns:
                  - { name: id, type: varchar }
                  - { name: nome, type: varchar }
                  - { name: email, type: varchar }
                  - { name: data_nascimento, type: varchar }
                  - { name: cpf, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_leads
                source: leads
                identity:
                  record-key: [id]
                  name: nome
                  email: email
                  parts:
                    birth_date: {column: data_nascimento, kind: date}
                    cpf: {column: cpf, kind: cpf}
                    sx_name: {column: nome, kind: soundex}
              - name: stg_other
                source: leads
                identity:
                  record-key: [id]
                  email: email
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_leads, stg_other]
            """;

    @TempDir
    Path directory;

    @Test
    void stagingViewComputesTypedPartsAndKeys()
    {
        Project project = FixtureProject.in(directory)
                .config("identity:\n  keys:\n    email: [email]\n    name_dob: [name, birth_date]\n    cpf: [cpf]\n    sx_dob: [sx_name, birth_date]\n")
                .file("models/leads.yml", MODELS)
                .load();
        IdentitySql identity = new IdentitySql(project.config().identity());
        Plan plan = new TrinoCompiler(project).compile();
        String staged = plan.model("stg_leads").statements().getFirst().sql();

        // each part a key uses, normalized by its kind's SQL twin, in part-name order
        assertThat(staged).containsSubsequence(
                "        " + identity.part(IdentityPartKind.DATE, "CAST(\"data_nascimento\" AS varchar)") + " AS \"identity_part_birth_date\"",
                "        " + identity.part(IdentityPartKind.CPF, "CAST(\"cpf\" AS varchar)") + " AS \"identity_part_cpf\"",
                "        " + identity.part(IdentityPartKind.SOUNDEX, "CAST(\"nome\" AS varchar)") + " AS \"identity_part_sx_name\"",
                "    FROM source");
        // keys: built-in parts first in canonical order, then typed parts by name
        assertThat(staged)
                .contains("    " + identity.typedKey(ordered("name", "\"identity_name\"", "birth_date", "\"identity_part_birth_date\"")) + " AS \"identity_key_name_dob\"")
                .contains("    " + identity.typedKey(ordered("cpf", "\"identity_part_cpf\"")) + " AS \"identity_key_cpf\"")
                .contains("    " + identity.typedKey(ordered("birth_date", "\"identity_part_birth_date\"", "sx_name", "\"identity_part_sx_name\"")) + " AS \"identity_key_sx_dob\"");
        // the built-in key is unchanged
        assertThat(staged).contains(" AS \"identity_key_email\"");

        // a stage without the parts still has their columns, NULL, so the hub reads every stage alike
        String other = plan.model("stg_other").statements().getFirst().sql();
        assertThat(other)
                .contains("        CAST(NULL AS varchar) AS \"identity_part_birth_date\",\n        CAST(NULL AS varchar) AS \"identity_part_cpf\",\n        CAST(NULL AS varchar) AS \"identity_part_sx_name\"\n")
                .contains("    \"identity_part_cpf\",\n");

    }

    @Test
    void comparisonsBlockCountAndCompareInTheEdgesStatement()
    {
        Project project = FixtureProject.in(directory)
                .config("""
                        identity:
                          keys:
                            email: [email]
                          comparisons:
                            name_typo:
                              block-on: [birth_date, sx_name]
                              max-block-size: 40
                              equal: [birth_date]
                              max-edits: {name: 2}
                        """)
                .file("models/leads.yml", MODELS)
                .load();
        IdentityResolutionSql sql = new TrinoCompiler(project).identityResolution(project.model("hub_person", Hub.class));

        // the block is one more value per record, counted like a key value: an oversized one is junk
        assertThat(sql.batchKeys()).contains(
                "ROW('block:name_typo', CASE WHEN \"identity_part_birth_date\" IS NOT NULL AND \"identity_part_sx_name\" IS NOT NULL "
                        + "THEN \"identity_part_birth_date\" || chr(31) || \"identity_part_sx_name\" END, concat_ws(' / ', \"identity_part_birth_date\", \"identity_part_sx_name\"), false, ");
        assertThat(sql.junkInsert()).contains("HAVING count(*) > CASE candidate.\"key_name\" WHEN 'block:name_typo' THEN 40 ELSE 50 END\n");
        // every version of the compared parts is kept, once, for the batches to come
        assertThat(sql.partsInsert()).hasValueSatisfying(insert -> assertThat(insert).containsSubsequence(
                "INSERT INTO \"iceberg\".\"silver\".\"hub_person_compared_parts\" (\"identity_record\", \"identity_name\", \"identity_part_birth_date\")\n",
                "    SELECT \"identity_record\", \"identity_name\", \"identity_part_birth_date\" FROM \"iceberg\".\"silver\".\"stg_leads\"\n",
                "      AND existing.\"identity_name\" IS NOT DISTINCT FROM batch.\"identity_name\"\n"));
        // pairs of one block, not junk, whose parts meet every rule
        assertThat(sql.workEdges()).containsSubsequence(
                "WITH compared_parts AS (",
                "    FROM \"iceberg\".\"silver\".\"hub_person_compared_parts\" AS parts\n",
                "blocked AS (",
                "    WHERE keyed.key_name IN ('block:name_typo')",
                "UNION\nSELECT DISTINCT right_block.vid AS a, left_block.vid AS b\n",
                "WHERE (left_block.key_name = 'block:name_typo'\n"
                        + "       AND left_parts.\"identity_part_birth_date\" = right_parts.\"identity_part_birth_date\"\n"
                        + "       AND levenshtein_distance(left_parts.\"identity_name\", right_parts.\"identity_name\") <= 2)\n");
    }

    private static Map<String, String> ordered(String... labelsAndExpressions)
    {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndExpressions.length; i += 2) {
            map.put(labelsAndExpressions[i], labelsAndExpressions[i + 1]);
        }
        return map;
    }
}
