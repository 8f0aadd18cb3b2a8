package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.vault.embedded.TestLeadsVault.count;
import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed key parts end to end on the embedded engine: a stage maps a birth date and a CPF to parts,
 * vault.yml combines them into keys, and the identity hub joins records that share only such a key.
 */
class TestTypedIdentityKeys
{
    private static final String VAULT_YML = """
            name: typed
            seed-paths: [seeds]
            schemas: { bronze: bronze_typed, staging: silver_typed, silver: silver_typed, gold: gold_typed }
            identity:
              max-records-per-key: off
              keys:
                email: [email]
                name_dob: [name, birth_date]
                cpf: [cpf]
            """;

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
                derived-columns:
                  documento: "trim(cpf)"
                identity:
                  record-key: [id]
                  name: nome
                  email: email
                  parts:
                    birth_date: {column: data_nascimento, kind: date}
                    cpf: {column: documento, kind: cpf}
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_leads]
            """;

    // d1 and d2 share only name + birth date (written differently); d3 has another birth date.
    // c1 and c2 share only a CPF, with and without punctuation; x1 and x2 share an invalid CPF.
    private static final String LEADS = """
            id,nome,email,data_nascimento,cpf,loaded_at
            d1,Robert Alan,robert@gmail.com,1990-05-01,,2026-11-01 00:00:00 UTC
            d2,ROBERT  ALAN,r.alan@uol.com.br,01/05/1990,,2026-11-01 00:00:00 UTC
            d3,Robert Alan,bob@yahoo.com,1991-05-01,,2026-11-01 00:00:00 UTC
            c1,Maria Souza,maria@gmail.com,,123.456.789-09,2026-11-01 00:00:00 UTC
            c2,M. Souza,msouza@hotmail.com,,12345678909,2026-11-01 00:00:00 UTC
            x1,Joao Silva,joao@gmail.com,,123.456.789-00,2026-11-01 00:00:00 UTC
            x2,Joana Silva,joana@gmail.com,,12345678900,2026-11-01 00:00:00 UTC
            """;

    @TempDir
    Path temp;

    @Test
    void recordsSharingOnlyATypedKeyAreOnePerson()
    {
        Path project = temp.resolve("typed");
        TestingProjects.write(project.resolve("vault.yml"), VAULT_YML);
        TestingProjects.write(project.resolve("models/models.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/leads.csv"), LEADS);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();

            // the staged, normalized parts: one date and one CPF however written, no CPF when its check digits fail
            assertThat(rows(vault, "SELECT id, identity_part_birth_date, identity_part_cpf, identity_key_name_dob IS NOT NULL, identity_key_cpf IS NOT NULL "
                    + "FROM iceberg.silver_typed.stg_leads ORDER BY id"))
                    .containsExactly(
                            "c1 null 12345678909 false true",
                            "c2 null 12345678909 false true",
                            "d1 1990-05-01 null true false",
                            "d2 1990-05-01 null true false",
                            "d3 1991-05-01 null true false",
                            "x1 null null false false",
                            "x2 null null false false");

            assertThat(persons(vault)).containsExactly(
                    List.of("c1", "c2"),
                    List.of("d1", "d2"),
                    List.of("d3"),
                    List.of("x1"),
                    List.of("x2"));
            assertThat(count(vault, "iceberg.silver_typed.hub_person")).isEqualTo(5);

            // stable: a second run resolves the same persons to the same ids
            List<String> before = rows(vault, "SELECT identity_record, hk_person FROM iceberg.silver_typed.hub_person_resolved ORDER BY 1");
            assertThat(vault.run().failures()).isEmpty();
            assertThat(rows(vault, "SELECT identity_record, hk_person FROM iceberg.silver_typed.hub_person_resolved ORDER BY 1")).isEqualTo(before);
        }
    }

    /** The records of each person, sorted. */
    private static List<List<String>> persons(Vault vault)
    {
        Map<String, TreeSet<String>> byPerson = new TreeMap<>();
        for (String row : rows(vault, "SELECT stg.id, resolved.hk_person FROM iceberg.silver_typed.stg_leads AS stg "
                + "JOIN iceberg.silver_typed.hub_person_resolved AS resolved ON resolved.identity_record = stg.identity_record")) {
            String[] fields = row.split(" ");
            byPerson.computeIfAbsent(fields[1], ignored -> new TreeSet<>()).add(fields[0]);
        }
        return byPerson.values().stream()
                .map(List::copyOf)
                .sorted((left, right) -> left.getFirst().compareTo(right.getFirst()))
                .collect(Collectors.toList());
    }
}
