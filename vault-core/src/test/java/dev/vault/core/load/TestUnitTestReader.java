package dev.vault.core.load;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.UnitTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code tests/*.yml}: unit tests on fixtures read, helpers evaluated, bad fixtures reported with file:line. */
class TestUnitTestReader
{
    private static final Path FILE = Path.of("tests/people.yml");
    // SHA-256 of the key inputs, computed outside Java (python hashlib): the helpers must give the SQL's text
    private static final String HASH_P1 = "FBEAE7C18667B6987518F3AE61ED8B19038E5961E8E7368597428EFF76E4842A";
    private static final String HASH_P1_NULL = "BE760A67220D923000C1358F779967E038ED13C83744E4EF2651414B61FE7FD8";
    private static final String RECORD_CRM_C1 = "08256F6710786867C455D18EECD8F54D23139B94A8EF2FC6D14C46914A5BD56C";
    private static final String DIFF_ANN_3 = "B9A2CD043E53FA52D6183D22D0D915C15A60891080184465CC1570F4EDBE59D1";

    @TempDir
    Path directory;

    private Project project;

    @BeforeEach
    void load()
    {
        project = project(directory).load();
    }

    @Test
    void givenRowsAndExpectedRowsWithHelpersEvaluated()
    {
        List<UnitTest> tests = read("""
                unit-tests:
                  - name: hub_person_one_row_per_key
                    model: hub_person
                    given:
                      - source: people
                        rows:
                          - { person_key: p1, full_name: Ann, age: 3 }
                          - { person_key: " P1 ", full_name: null }
                    expect:
                      rows:
                        - { hk_person: "hash(p1)", person_key: p1 }
                        - { hk_person: "hash(P1, null)", other: "identity_record(crm, C1)", diff: "hashdiff(name_clean=Ann, age_years=3)", zero: "zero_key()" }
                """);
        assertThat(tests).hasSize(1);
        UnitTest test = tests.getFirst();
        assertThat(test.name()).isEqualTo("hub_person_one_row_per_key");
        assertThat(test.model()).isEqualTo("hub_person");
        assertThat(test.location().toString()).isEqualTo("tests/people.yml:2:5");
        UnitTest.Given given = test.given().getFirst();
        assertThat(given.model()).isEqualTo("people");
        assertThat(given.kind()).isEqualTo(ModelKind.SOURCE);
        assertThat(given.rows()).hasSize(2);
        assertThat(given.rows().get(0).value("age")).contains("3");
        assertThat(given.rows().get(1).value("person_key")).contains(" P1 ");
        assertThat(given.rows().get(1).value("full_name")).isEmpty();
        assertThat(given.rows().get(1).cells()).containsKey("full_name");
        assertThat(given.rows().get(1).location().line()).isEqualTo(8);

        // business keys are trimmed and upper-cased before hashing (business-key-case: upper)
        UnitTest.Row first = test.expected().get(0);
        assertThat(first.value("hk_person")).contains(HASH_P1);
        assertThat(first.cells().get("hk_person").written()).isEqualTo("hash(p1)");
        UnitTest.Row second = test.expected().get(1);
        assertThat(second.value("hk_person")).contains(HASH_P1_NULL);
        assertThat(second.value("other")).contains(RECORD_CRM_C1);
        assertThat(second.value("diff")).contains(DIFF_ANN_3);
        assertThat(second.value("zero")).contains("0".repeat(64));
        assertThat(test.expectedColumns()).containsExactly("hk_person", "person_key", "other", "diff", "zero");
    }

    @Test
    void hashOfOnlyNullsIsTheZeroKey()
    {
        assertThat(project.config().hashing().hashKey(Arrays.asList(null, " ")))
                .isEqualTo(project.config().hashing().zeroKey());
    }

    @Test
    void unknownModelIsReportedWithAHint()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: hub_persn
                    given: [{ source: people, rows: [] }]
                    expect: { rows: [] }
                """)).containsExactly("tests/people.yml:3:12: unit test 't' tests model 'hub_persn', which the project does not have; did you mean 'hub_person'?");
    }

    @Test
    void unknownColumnOfAGivenSource()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: hub_person
                    given:
                      - source: people
                        rows:
                          - { person_kye: p1 }
                    expect: { rows: [] }
                """)).containsExactly("tests/people.yml:7:15: source people has no column 'person_kye'; did you mean 'person_key'?");
    }

    @Test
    void valueOfTheWrongType()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: stg_people
                    given:
                      - source: people
                        rows:
                          - { person_key: p1, age: three, _loaded_at: "2026-11-01 03:00 UTC" }
                    expect: { rows: [] }
                """)).containsExactly("tests/people.yml:7:36: value 'three' of column 'age' is not a valid integer in source people; fix the fixture value");
    }

    @Test
    void givenModelTheTestedModelDoesNotRead()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: people_typo_free
                    given: []
                    expect: { rows: [] }
                  - name: u
                    model: stg_people
                    given:
                      - stage: stg_people
                        rows: []
                      - source: hub_person
                        rows: []
                    expect: { rows: [] }
                """)).containsExactly(
                "tests/people.yml:3:12: unit test 't' tests model 'people_typo_free', which the project does not have; expected one of: hub_company, hub_person, link_person_company, mart_people, people, sat_person, stg_people",
                "tests/people.yml:9:16: unit test 'u' gives rows of 'stg_people', which model 'stg_people' does not read; give rows of what it reads: people",
                "tests/people.yml:11:17: unit test 'u' gives rows of source 'hub_person', which the project does not have (it is a hub); rows are given for sources and stages");
    }

    @Test
    void sourceWrittenAsAStage()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: hub_person
                    given:
                      - stage: people
                        rows: []
                    expect: { rows: [] }
                """)).containsExactly("tests/people.yml:5:9: unit test 't': 'people' is a source; write 'source: people'");
    }

    @Test
    void expectedColumnsOfAStageAreCheckedBeforeAnythingRuns()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: stg_people
                    given:
                      - source: people
                        rows: [{ person_key: p1 }]
                    expect:
                      rows: [{ name_clen: Ann }]
                """)).singleElement().asString()
                .isEqualTo("tests/people.yml:8:16: stage stg_people has no column 'name_clen'; did you mean 'name_clean'?");
    }

    @Test
    void expectedColumnsOfABuiltModel()
    {
        UnitTest test = read("""
                unit-tests:
                  - name: t
                    model: hub_person
                    given: [{ source: people, rows: [] }]
                    expect:
                      rows: [{ hk_person: "hash(p1)", load_datetime: "2026-11-01 03:00 UTC", person_ky: p1 }]
                """).getFirst();
        Problems problems = new Problems();
        UnitTestReader.checkExpectedColumns(project, test, ImmutableMap.of("hk_person", "varchar", "person_key", "varchar", "load_datetime", "timestamp(6) with time zone"), problems);
        assertThat(problems.list()).extracting(Problem::toString)
                .containsExactly("tests/people.yml:6:78: model hub_person has no column 'person_ky'; did you mean 'person_key'?");
    }

    @Test
    void missingPartsAndUnknownKeys()
    {
        assertThat(problems("""
                unit-tests:
                  - name: t
                    model: hub_person
                    given:
                      - { rows: [] }
                    expected: { rows: [] }
                """)).containsExactly(
                "tests/people.yml:2:5: unit test 't' is missing 'expect:' with the 'rows:' model 'hub_person' must hold",
                "tests/people.yml:5:9: an input of unit test 't' names neither a source nor a stage: write either 'source: <name>' or 'stage: <name>'",
                "tests/people.yml:6:5: unknown key 'expected' in a unit test; did you mean 'expect'?");
    }

    @Test
    void readsTheTestsFolderAndRejectsRepeatedNames()
            throws Exception
    {
        assertThat(UnitTestReader.read(project)).isEmpty();
        String test = """
                unit-tests:
                  - name: same
                    model: stg_people
                    given: [{ source: people, rows: [{ person_key: p1 }] }]
                    expect: { rows: [{ person_key: p1 }] }
                """;
        Files.createDirectories(directory.resolve("tests/nested"));
        Files.writeString(directory.resolve("tests/a.yml"), test);
        Files.writeString(directory.resolve("tests/nested/b.yml"), test);
        Problems.InvalidProjectException failure = catchThrowableOfType(Problems.InvalidProjectException.class, () -> UnitTestReader.read(project));
        assertThat(failure.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT);
        assertThat(failure.problems()).extracting(Problem::toString)
                .containsExactly("tests/nested/b.yml:2:5: a unit test named 'same' is already defined at tests/a.yml:2:5; unit test names must be unique");

        Files.delete(directory.resolve("tests/nested/b.yml"));
        assertThat(UnitTestReader.read(project)).extracting(UnitTest::name).containsExactly("same");
        assertThat(UnitTestReader.read(project).getFirst().given().getFirst().rows().getFirst().value("person_key")).isEqualTo(Optional.of("p1"));
    }

    private List<UnitTest> read(String content)
    {
        Problems problems = new Problems();
        List<UnitTest> tests = UnitTestReader.read(project, FILE, content, problems);
        assertThat(problems.list()).isEmpty();
        return tests;
    }

    private List<String> problems(String content)
    {
        Problems problems = new Problems();
        UnitTestReader.read(project, FILE, content, problems);
        return problems.list().stream().map(Problem::toString).toList();
    }
}
