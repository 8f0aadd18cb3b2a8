package dev.vault.embedded;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.runner.IdentityExplanation;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The comparison step end to end on the embedded engine: records in one block (same birth date)
 * whose names are within two edits are one person, an oversized block is reported and not
 * compared, and the persons are exactly those the Java unifier finds on the same records.
 */
class TestIdentityComparisons
{
    private static final String VAULT_YML = """
            name: compared
            seed-paths: [seeds]
            schemas: { bronze: bronze_compared, staging: silver_compared, silver: silver_compared, gold: gold_compared }
            identity:
              max-records-per-key: off
              keys:
                email: [email]
              comparisons:
                name_typo:
                  block-on: [birth_date]
                  max-block-size: 30
                  equal: [birth_date]
                  max-edits: {name: 2}
                swapped_name:
                  block-on: [sorted_name]
                  max-block-size: 30
                  equal: [birth_date, sorted_name]
            """;

    private static final String MODELS = """
            sources:
              - name: people
                record-source: registry
                load-timestamp: loaded_at
                columns:
                  - { name: id, type: varchar }
                  - { name: nome, type: varchar }
                  - { name: email, type: varchar }
                  - { name: nascimento, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_people
                source: people
                identity:
                  record-key: [id]
                  name: nome
                  email: email
                  parts:
                    birth_date: {column: nascimento, kind: date}
                    sorted_name: {column: nome, kind: sorted_name}
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_people]
            """;

    private static final List<String> FIRST = List.of("Robert", "Maria", "Joao", "Ana", "Pedro", "Lucia", "Carlos", "Beatriz", "Rafael", "Juliana", "Marcos", "Fernanda");
    private static final List<String> LAST = List.of("Alan", "Souza", "Silva", "Oliveira", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima", "Araujo", "Ferreira");

    @TempDir
    Path temp;

    @Test
    void pairsTheRulesAcceptAreOnePersonAsInJava()
    {
        List<String[]> records = new ArrayList<>();
        // written by hand: a substitution, a transposition, swapped names, too many edits, another birth date
        records.add(new String[] {"h1", "Robert Alan", "1980-03-14"});
        records.add(new String[] {"h2", "Robert Alen", "14/03/1980"});
        records.add(new String[] {"h3", "Rbeort Alan", "1980-03-14"});
        records.add(new String[] {"h4", "Roberta Allende", "1980-03-14"});
        records.add(new String[] {"h5", "Robert Alan", "1981-03-14"});
        records.add(new String[] {"h6", "Alan Robert", "1981-03-14"});
        // 31 records born the same day: a block over max-block-size 30, never compared
        for (int i = 0; i < 31; i++) {
            records.add(new String[] {"j%02d".formatted(i), (i < 2 ? (i == 0 ? "Zeca Tatu" : "Zeca Tato") : FIRST.get(i % FIRST.size()) + " " + LAST.get(i / FIRST.size())), "2000-01-01"});
        }
        // generated: 150 people, one to three records each, names with one typo of each kind at random
        Random random = new Random(20261204);
        for (int person = 0; person < 150; person++) {
            String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
            String birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 40)).toString();
            int copies = 1 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                records.add(new String[] {"g%03d_%d".formatted(person, copy), copy == 0 ? name : typo(name, random), birth});
            }
        }

        StringBuilder csv = new StringBuilder("id,nome,email,nascimento,loaded_at\n");
        List<IdentityUnifier.Lead> leads = new ArrayList<>();
        for (String[] record : records) {
            // every email differs: only the comparisons can join records
            String email = record[0] + "@example.com";
            csv.append(String.join(",", record[0], record[1], email, record[2], "2026-11-01 00:00:00 UTC")).append('\n');
            leads.add(new IdentityUnifier.Lead(record[0], record[1], email, null, ImmutableMap.of("birth_date", record[2], "sorted_name", record[1])));
        }

        Path project = temp.resolve("compared");
        TestingProjects.write(project.resolve("vault.yml"), VAULT_YML);
        TestingProjects.write(project.resolve("models/models.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/people.csv"), csv.toString());
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();

            Set<Set<String>> persons = persons(vault);
            assertThat(persons).contains(Set.of("h1", "h2", "h3"), Set.of("h4"), Set.of("h5", "h6"));
            // the oversized block: its records stay apart though two share a name, and it is reported
            assertThat(persons).contains(Set.of("j00"), Set.of("j01"));  // "Zeca Tatu" and "Zeca Tato" are one edit apart
            assertThat(rows(vault, "SELECT key_name, key_value, records FROM iceberg.silver_compared.hub_person_junk_keys"))
                    .containsExactly("block:name_typo 2000-01-01 31");

            // Java and SQL find the same persons
            IdentityUnifier java = new IdentityUnifier(new IdentityHasher(vault.project().config().identity()),
                    Map.of("birth_date", IdentityPartKind.DATE, "sorted_name", IdentityPartKind.SORTED_NAME));
            IdentityUnifier.Result expected = java.unify(leads);
            assertThat(persons).isEqualTo(partition(expected.personOf()));
            assertThat(expected.junkKeys()).containsExactly(new IdentityUnifier.JunkKey("block:name_typo", "2000-01-01", 31));
            // the typos joined people: fewer persons than records, more than the 150 + 6 + 31 people... minus the joined ones
            assertThat(persons.size()).isLessThan(records.size());

            // explain: which rule joined each record, and what the junk guard left out
            IdentityExplanation robert = vault.explainIdentity(Optional.empty(), "stg_people:h2");
            assertThat(robert.records()).extracting(IdentityExplanation.Record::recordKey).containsExactlyInAnyOrder("h1", "h2", "h3");
            Map<String, String> recordOf = new TreeMap<>();
            robert.records().forEach(record -> recordOf.put(record.identityRecord(), record.recordKey()));
            // h1 ~ h2 by one edit, h1 ~ h3 by two; h2 and h3 are three apart, joined through h1
            assertThat(robert.evidence())
                    .extracting(evidence -> evidence.kind() + " " + evidence.rule() + " " + evidence.records().stream().map(recordOf::get).sorted().toList()
                            + " " + evidence.detail().replaceAll(".*: (\\d) of at most 2 edits", "$1 edits"))
                    .containsExactlyInAnyOrder("comparison name_typo [h1, h2] 1 edits", "comparison name_typo [h1, h3] 2 edits");
            assertThat(robert.evidence().getFirst().detail()).startsWith("birth_date equal ('1980-03-14'); name '");
            IdentityExplanation zeca = vault.explainIdentity(Optional.empty(), "stg_people:j00");
            assertThat(zeca.records()).hasSize(1);
            assertThat(zeca.evidence()).isEmpty();
            assertThat(zeca.junk()).extracting(junk -> junk.key() + " " + junk.sample() + " " + junk.recordsSharing())
                    .containsExactly("block:name_typo 2000-01-01 31");
            // the person key names the same person as any of its records
            assertThat(vault.explainIdentity(Optional.empty(), robert.person()).records()).isEqualTo(robert.records());
            assertThatThrownBy(() -> vault.explainIdentity(Optional.empty(), "stg_nothing:1"))
                    .hasMessage("'stg_nothing' is not a stage of hub_person; its stages: stg_people");

            // stable: a second run resolves the same persons to the same ids
            List<String> before = rows(vault, "SELECT identity_record, hk_person FROM iceberg.silver_compared.hub_person_resolved ORDER BY 1");
            assertThat(vault.run().failures()).isEmpty();
            assertThat(rows(vault, "SELECT identity_record, hk_person FROM iceberg.silver_compared.hub_person_resolved ORDER BY 1")).isEqualTo(before);
        }
    }

    /** One edit of a random kind (substitution, insertion, deletion, transposition) at a random letter. */
    private static String typo(String name, Random random)
    {
        int at = 1 + random.nextInt(name.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, at) + letter + name.substring(at + 1);
            case 1 -> name.substring(0, at) + letter + name.substring(at);
            case 2 -> name.substring(0, at) + name.substring(at + 1);
            default -> name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
        };
    }

    private static Set<Set<String>> persons(Vault vault)
    {
        Map<String, String> personOf = new TreeMap<>();
        for (String row : rows(vault, "SELECT stg.id, resolved.hk_person FROM iceberg.silver_compared.stg_people AS stg "
                + "JOIN iceberg.silver_compared.hub_person_resolved AS resolved ON resolved.identity_record = stg.identity_record")) {
            String[] fields = row.split(" ");
            personOf.put(fields[0], fields[1]);
        }
        return partition(personOf);
    }

    /** The records of each person, as sets: record to person in, persons out. */
    static Set<Set<String>> partition(Map<String, String> personOf)
    {
        Map<String, Set<String>> byPerson = new TreeMap<>();
        personOf.forEach((record, person) -> byPerson.computeIfAbsent(person, ignored -> new TreeSet<>()).add(record));
        return new HashSet<>(byPerson.values());
    }
}
