package dev.vault.core.load;

import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.TestingProjects;
import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Project;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Typed key parts: a stage's {@code identity: parts:} and vault.yml keys that use them. */
class TestIdentityParts
{
    private static final String VAULT_YML = """
            name: test_vault
            model-paths: [models]
            identity:
              keys:
                email: [email]
                name_dob: [name, birth_date]
                cpf: [cpf]
            """;

    private static final String SOURCES = """
            sources:
              - name: people
                record-source: crm
                load-timestamp: _loaded_at
                columns:
                  - { name: person_key, type: varchar }
                  - { name: full_name, type: varchar }
                  - { name: email, type: varchar }
                  - { name: data_nascimento, type: varchar }
                  - { name: cpf, type: varchar }
                  - { name: _loaded_at, type: timestamp(6) with time zone }
            """;

    private static final String STAGES = """
            stages:
              - name: stg_people
                source: people
                derived-columns:
                  cpf_clean: "trim(cpf)"
                identity:
                  record-key: [person_key]
                  name: full_name
                  email: email
                  parts:
                    birth_date: {column: data_nascimento, kind: date}
                    cpf: {column: cpf_clean, kind: cpf}
                    sx_name: {column: full_name, kind: soundex}
            """;

    private static final String HUBS = """
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_people]
            """;

    @TempDir
    Path directory;

    @Test
    void stagePartsAndTypedKeys()
    {
        Project project = fixture().load();

        StageIdentity identity = ((Stage) project.model("stg_people")).identity().orElseThrow();
        assertThat(identity.parts().values())
                .extracting(StageIdentity.TypedPart::name, StageIdentity.TypedPart::column, StageIdentity.TypedPart::kind)
                .containsExactly(
                        tuple("birth_date", "data_nascimento", IdentityPartKind.DATE),
                        tuple("cpf", "cpf_clean", IdentityPartKind.CPF),
                        tuple("sx_name", "full_name", IdentityPartKind.SOUNDEX));
        IdentitySettings settings = project.config().identity();
        assertThat(settings.keys()).containsExactly(
                new IdentityKey("email", ImmutableSortedSet.of(IdentityPart.EMAIL)),
                new IdentityKey("name_dob", ImmutableSortedSet.of(IdentityPart.NAME), ImmutableSortedSet.of("birth_date")),
                new IdentityKey("cpf", ImmutableSortedSet.of(), ImmutableSortedSet.of("cpf")));
        assertThat(settings.keys().get(1).labels()).containsExactly("name", "birth_date");
    }

    @Test
    void junkGuardOff()
    {
        Project project = fixture().replace("vault.yml", "  keys:\n", "  max-records-per-key: off\n  keys:\n").load();
        assertThat(project.config().identity().maxRecordsPerKey()).isEqualTo(IdentitySettings.NO_JUNK_GUARD);
    }

    @Test
    void unknownColumn()
    {
        assertThat(fixture().replace("models/stages.yml", "column: data_nascimento", "column: data_nascimeto").problem())
                .hasToString("models/stages.yml:11:30: unknown column 'data_nascimeto' in 'identity' of stage 'stg_people'; did you mean 'data_nascimento'?");
    }

    @Test
    void unknownKind()
    {
        assertThat(fixture().replace("models/stages.yml", "kind: date}", "kind: dat}").problem())
                .hasToString("models/stages.yml:11:53: identity part 'birth_date' of stage 'stg_people' has unknown kind 'dat'; kinds are "
                        + "name, email, phone, date, document, cpf, cnpj, postcode, text, code, soundex, phonetic_pt, initial_surname, sorted_name; did you mean 'date'?");
    }

    @Test
    void partNameClashesWithABuiltInPart()
    {
        assertThat(fixture().replace("models/stages.yml", "sx_name: {column: full_name", "name: {column: full_name").problem())
                .hasToString("models/stages.yml:13:9: identity part 'name' of stage 'stg_people' clashes with the built-in part 'name'; "
                        + "map its column with 'name:' above, or give this part another name such as 'name_2'");
    }

    @Test
    void keyNamingAPartNoStageProvides()
    {
        assertThat(fixture().replace("vault.yml", "cpf: [cpf]", "cpf: [cpf, postcode]").problem())
                .hasToString("models/hubs.yml:2:5: identity key 'cpf' of vault.yml has part 'postcode', which no stage of identity hub 'hub_person' declares under 'identity: parts:'; "
                        + "parts available: name, email, phone, birth_date, cpf, sx_name");
        assertThat(fixture().replace("vault.yml", "cpf: [cpf]", "cpf: [cfp]").problem())
                .hasToString("models/hubs.yml:2:5: identity key 'cpf' of vault.yml has part 'cfp', which no stage of identity hub 'hub_person' declares under 'identity: parts:'; "
                        + "parts available: name, email, phone, birth_date, cpf, sx_name; did you mean 'cpf'?");
    }

    @Test
    void partOfTwoKinds()
    {
        String second = STAGES.replace("stages:\n", "").replace("stg_people", "stg_people_2").replace("kind: date}", "kind: text}");
        assertThat(fixture()
                .file("models/stages.yml", STAGES + second)
                .replace("models/hubs.yml", "[stg_people]", "[stg_people, stg_people_2]")
                .problem().toString())
                .isEqualTo("models/stages.yml:23:9: identity part 'birth_date' of stage 'stg_people_2' is of kind text, but of kind date at models/stages.yml:11:9; a part has one kind in every stage of identity hub 'hub_person'");
    }

    private static final String COMPARISONS = """
              comparisons:
                name_typo:
                  block-on: [birth_date]
                  max-block-size: 40
                  equal: [birth_date]
                  max-edits: {name: 2}
            """;

    @Test
    void comparisons()
    {
        IdentitySettings settings = fixture().file("vault.yml", VAULT_YML + COMPARISONS).load().config().identity();
        assertThat(settings.comparisons()).containsExactly(
                new IdentityComparison("name_typo", List.of("birth_date"), 40, Set.of("birth_date"), Map.of("name", 2)));
        assertThat(settings.comparisons().getFirst().junkKeyName()).isEqualTo("block:name_typo");
        // the stage carries a column for every typed part a key or a comparison reads
        assertThat(settings.typedParts()).containsExactly("birth_date", "cpf");
    }

    @Test
    void comparisonErrorsSayWhereAndHowToFix()
    {
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("{name: 2}", "{nmae: 2}")).problem())
                .hasToString("vault.yml:13:19: identity comparison 'name_typo' has part 'nmae'; parts are name, email, phone or a part a stage declares under 'identity: parts:'; did you mean 'name'?");
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("{name: 2}", "{name: 9}")).problem().toString())
                .startsWith("vault.yml:13:25: ").contains("max-edits").contains("5");
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("      equal: [birth_date]\n", "").replace("      max-edits: {name: 2}\n", "")).problem())
                .hasToString("vault.yml:9:5: identity comparison 'name_typo' has no rule; add 'equal: [part, ...]' or 'max-edits: {part: edits}', e.g. 'max-edits: {name: 2}'");
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("block-on: [birth_date]", "block-on: [postcode]")).problem())
                .hasToString("models/hubs.yml:2:5: identity comparison 'name_typo' of vault.yml has part 'postcode', which no stage of identity hub 'hub_person' declares under 'identity: parts:'; "
                        + "parts available: name, email, phone, birth_date, cpf, sx_name");
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("name_typo:", "email:")).problem())
                .hasToString("vault.yml:9:5: identity comparison 'email' has the name of a key or an earlier comparison; names are shared by keys and comparisons in the explain output");
        assertThat(fixture().file("vault.yml", VAULT_YML + COMPARISONS.replace("max-block-size: 40", "max-blok-size: 40")).problem().toString())
                .startsWith("vault.yml:11:7: ").contains("max-blok-size").contains("max-block-size");
    }

    private TestingProjects fixture()
    {
        return project(directory)
                .file("vault.yml", VAULT_YML)
                .file("models/sources.yml", SOURCES)
                .file("models/stages.yml", STAGES)
                .file("models/hubs.yml", HUBS)
                .remove("models/links.yml")
                .remove("models/satellites.yml")
                .remove("models/marts.yml");
    }
}
