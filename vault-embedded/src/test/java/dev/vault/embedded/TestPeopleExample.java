package dev.vault.embedded;

import dev.vault.runner.BuildResult;
import dev.vault.runner.IdentityExplanation;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static dev.vault.embedded.TestIdentityComparisons.partition;
import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * examples/people as a user runs it: typed parts (dates written two ways, CPFs with and without
 * punctuation), keys and comparisons resolve the registry's and the clinic's records into the
 * persons the example's README promises.
 */
class TestPeopleExample
{
    @TempDir
    Path temp;

    @Test
    void buildResolvesThePersonsTheExampleDescribes()
    {
        Path project = TestingProjects.copyExample("people", temp.resolve("people"));
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            BuildResult build = vault.build();
            assertThat(build.successful()).isTrue();

            Map<String, String> personOf = new TreeMap<>();
            for (String stage : new String[] {"stg_registry", "stg_clinic"}) {
                String key = stage.equals("stg_registry") ? "person_id" : "booking_id";
                for (String row : rows(vault, "SELECT stg.%s, resolved.hk_person FROM iceberg.people_silver.%s AS stg JOIN iceberg.people_silver.hub_person_resolved AS resolved "
                        .formatted(key, stage) + "ON resolved.identity_record = stg.identity_record")) {
                    String[] fields = row.split(" ");
                    personOf.put(fields[0], fields[1]);
                }
            }
            assertThat(partition(personOf)).containsExactlyInAnyOrder(
                    Set.of("p01", "c01"),   // a name typo, the birth date written another way: comparison name_typo
                    Set.of("p02", "c02"),   // given name and surname swapped: comparison swapped_name
                    Set.of("p03", "c03"),   // the family's email with the same initial and surname, and name + birth date
                    Set.of("p04", "c04"),   // one CPF, with and without punctuation
                    Set.of("p05"),          // the same name, born another year: someone else
                    Set.of("c05"),
                    Set.of("p06", "c06"),   // an accent the registry dropped: name + birth date
                    Set.of("c07"));         // an invalid CPF is no key
            // the mother and her daughter share an email, and stay two persons
            assertThat(personOf.get("p02")).isNotEqualTo(personOf.get("p03"));

            IdentityExplanation robert = vault.explainIdentity(Optional.empty(), "stg_clinic:c01");
            assertThat(robert.evidence()).extracting(IdentityExplanation.Evidence::kind, IdentityExplanation.Evidence::rule)
                    .containsExactly(tuple("comparison", "name_typo"));
            assertThat(rows(vault, "SELECT count(*) FROM iceberg.people_silver.sat_clinic_contact WHERE city = 'Recife' AND hk_person = '%s'".formatted(robert.person())))
                    .containsExactly("1");
        }
    }
}
