package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** Data tests written in model YAML: how they are read, and the errors a bad one gives, at its line. */
class TestDataTestDeclarations
{
    private static final String HUB_TESTS = """
            hubs:
              - name: hub_person
                hash-key: hk_person
                business-keys: [person_key]
                sources: [stg_people]
                tests:
            %s
              - name: hub_company
                hash-key: hk_company
                business-keys: [company_id]
                sources: [stg_people]
            """;

    @TempDir
    Path directory;

    @Test
    void testsOnColumnsAndOnModels()
    {
        Project project = project(directory)
                .replace("models/sources.yml", "- { name: person_key, type: varchar }",
                        "- { name: person_key, type: varchar, tests: [not_null, unique, {accepted_values: {values: [a, 'b''c'], severity: warn}}] }")
                .replace("models/sources.yml", "- { name: age, type: integer }", "- { name: age, type: integer, tests: [{accepted_values: {values: [1, 2.5], quote: false}}] }")
                .file("models/hubs.yml", HUB_TESTS.formatted("""
                              - relationships: { column: hk_person, to: sat_person, where: "record_source = 'crm'" }
                              - expression: "length(hk_person) = 64"
                              - unique: { columns: [person_key, load_datetime] }
                        """))
                .replace("models/marts.yml", "  - name: mart_people\n", """
                          - name: mart_people
                            columns:
                              - name: person_key
                                description: the person
                                tests: [{ relationships: { to: hub_person } }]
                            tests:
                              - expression: { sql: "person_key <> ''", severity: warn }
                        """)
                .load();

        assertThat(project.tests("people")).containsExactly(
                new DeclaredTest(DeclaredTest.Kind.NOT_NULL, ImmutableList.of("person_key"), ImmutableList.of(), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        DeclaredTest.Severity.ERROR, new Location(Path.of("models/sources.yml"), 6, 52)),
                new DeclaredTest(DeclaredTest.Kind.UNIQUE, ImmutableList.of("person_key"), ImmutableList.of(), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        DeclaredTest.Severity.ERROR, new Location(Path.of("models/sources.yml"), 6, 62)),
                new DeclaredTest(DeclaredTest.Kind.ACCEPTED_VALUES, ImmutableList.of("person_key"), ImmutableList.of("a", "b'c"), true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        DeclaredTest.Severity.WARN, new Location(Path.of("models/sources.yml"), 6, 71)),
                new DeclaredTest(DeclaredTest.Kind.ACCEPTED_VALUES, ImmutableList.of("age"), ImmutableList.of("1", "2.5"), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        DeclaredTest.Severity.ERROR, new Location(Path.of("models/sources.yml"), 9, 46)));
        assertThat(project.tests("hub_person")).extracting(DeclaredTest::kind)
                .containsExactly(DeclaredTest.Kind.RELATIONSHIPS, DeclaredTest.Kind.EXPRESSION, DeclaredTest.Kind.UNIQUE);
        DeclaredTest relationship = project.tests("hub_person").getFirst();
        assertThat(relationship.to()).hasValue("sat_person");
        assertThat(relationship.field()).as("defaults to the tested column").hasValue("hk_person");
        assertThat(relationship.where()).hasValue("record_source = 'crm'");
        assertThat(project.tests("hub_person").get(1).expression()).hasValue("length(hk_person) = 64");
        assertThat(project.tests("hub_person").get(2).columns()).containsExactly("person_key", "load_datetime");
        assertThat(project.tests("mart_people")).extracting(DeclaredTest::kind, DeclaredTest::severity, DeclaredTest::columns).containsExactly(
                Tuple.tuple(DeclaredTest.Kind.RELATIONSHIPS, DeclaredTest.Severity.ERROR, ImmutableList.of("person_key")),
                Tuple.tuple(DeclaredTest.Kind.EXPRESSION, DeclaredTest.Severity.WARN, ImmutableList.of()));
        assertThat(project.tests("hub_company")).isEmpty();
    }

    @Test
    void unknownTestName()
    {
        assertThat(project(directory).replace("models/sources.yml", "- { name: person_key, type: varchar }", "- { name: person_key, type: varchar, tests: [not_nul] }").problem())
                .hasToString("models/sources.yml:6:52: unknown test 'not_nul' in column 'person_key' of source 'people'; did you mean 'not_null'?");
    }

    @Test
    void unknownColumn()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - not_null: { column: person_ky }")).problem())
                .hasToString("models/hubs.yml:7:9: unknown column 'person_ky' in test 'not_null' of hub 'hub_person'; did you mean 'person_key'?");
    }

    @Test
    void unknownColumnInStageTest()
    {
        assertThat(project(directory).replace("models/stages.yml", "    hash-keys:", "    tests:\n      - unique: { column: name_clen }\n    hash-keys:").problem())
                .hasToString("models/stages.yml:8:9: unknown column 'name_clen' in test 'unique' of stage 'stg_people'; did you mean 'name_clean'?");
    }

    @Test
    void unknownColumnInExpressionAndWhere()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - expression: { sql: \"length(hk_persn) = 64\", where: \"recordsource = 'crm'\" }")).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "models/hubs.yml:7:9: unknown column 'hk_persn' in the expression of test 'expression' of hub 'hub_person'; did you mean 'hk_person'?",
                        "models/hubs.yml:7:9: unknown column 'recordsource' in 'where' of test 'expression' of hub 'hub_person'; did you mean 'record_source'?");
    }

    @Test
    void expressionWithStatementSeparatorIsRejected()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - expression: \"true; DROP TABLE hub_person\"")).problem())
                .hasToString("models/hubs.yml:7:21: the expression of test 'expression' of hub 'hub_person' is not a single SQL expression: "
                        + "it contains ';'; an expression cannot end the statement");
    }

    @Test
    void whereWithCommentIsRejected()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - not_null: { column: person_key, where: \"true --\" }")).problem())
                .hasToString("models/hubs.yml:7:48: 'where' of test 'not_null' of hub 'hub_person' is not a single SQL expression: "
                        + "it contains a comment; write comments in YAML ('#') instead");
    }

    @Test
    void relationshipToUnknownModel()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - relationships: { column: hk_person, to: sat_persn }")).problem())
                .hasToString("models/hubs.yml:7:9: test 'relationships' of hub 'hub_person' refers to 'sat_persn' under 'to:', which is not a model; did you mean 'sat_person'?");
    }

    @Test
    void relationshipToUnknownField()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - relationships: { column: person_key, to: hub_company }")).problem())
                .hasToString("models/hubs.yml:7:9: test 'relationships' of hub 'hub_person' looks values up in column 'person_key' of hub 'hub_company', "
                        + "which has no such column; expected one of: company_id, hk_company, load_datetime, record_source; name the column with 'field:'");
    }

    @Test
    void relationshipWithoutTo()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - relationships: { column: hk_person }")).problem())
                .hasToString("models/hubs.yml:7:24: test 'relationships' of hub 'hub_person' is missing 'to:'");
    }

    @Test
    void modelLevelTestNeedsItsColumn()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - not_null")).problem())
                .hasToString("models/hubs.yml:7:9: test 'not_null' of hub 'hub_person' is written under the model, so it needs the column it tests: '- not_null: {column: <name>}'");
    }

    @Test
    void unknownArgumentAndBadSeverity()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - not_null: { column: person_key, severty: warn }\n      - unique: { column: hk_person, severity: fatal }")).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "models/hubs.yml:7:41: unknown key 'severty' in test 'not_null' of hub 'hub_person'; did you mean 'severity'?",
                        "models/hubs.yml:8:48: 'severity' of test 'unique' of hub 'hub_person' cannot be 'fatal'; expected one of: error, warn");
    }

    @Test
    void unquotedAcceptedValuesMustBeNumbersOrBooleans()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - accepted_values: { column: person_key, values: [1, \"1 OR true\"], quote: false }")).problem())
                .hasToString("models/hubs.yml:7:60: '1 OR true' in 'values' of test 'accepted_values' of hub 'hub_person' is not a number or a boolean; "
                        + "with 'quote: false' values are written into SQL as they are, so only those are allowed");
    }

    @Test
    void acceptedValuesNeedValues()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("      - accepted_values: { column: person_key, values: [] }")).problem())
                .hasToString("models/hubs.yml:7:56: 'values' of test 'accepted_values' of hub 'hub_person' must list at least one value");
    }

    @Test
    void testsMustBeAList()
    {
        assertThat(project(directory).file("models/hubs.yml", HUB_TESTS.formatted("        not_null: { column: person_key }")).problem())
                .hasToString("models/hubs.yml:7:9: 'tests' of hub 'hub_person' must be a list like [not_null, unique], found a mapping");
    }

    @Test
    void martColumnsAreCheckedForShape()
    {
        assertThat(project(directory).replace("models/marts.yml", "  - name: mart_people\n", """
                  - name: mart_people
                    columns:
                      - name: person_key
                        test: [not_null]
                """).problem())
                .hasToString("models/marts.yml:5:9: unknown key 'test' in a column of mart 'mart_people'; did you mean 'tests'?");
    }
}
