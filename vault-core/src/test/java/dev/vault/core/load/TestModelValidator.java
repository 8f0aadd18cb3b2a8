package dev.vault.core.load;

import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** References between models, checked once every file is read. Loaded through {@link ProjectLoader}. */
class TestModelValidator
{
    private static final Path HUBS = Path.of("models/hubs.yml");

    @TempDir
    Path directory;

    @Test
    void typoInHubBusinessKey()
    {
        assertThat(project(directory).replace("models/hubs.yml", "business-keys: [person_key]", "business-keys: [persn_key]").problems())
                .containsExactly(
                        new Problem(new Location(HUBS, 3, 15), "hub 'hub_person' has business keys [persn_key] but stage 'stg_people' computes 'hk_person' "
                                + "from [person_key]; list the same columns in the same order"),
                        new Problem(new Location(HUBS, 4, 21), "unknown column 'persn_key' in 'business-keys' of hub 'hub_person': stage 'stg_people' "
                                + "has no such column; did you mean 'person_key'?"));
    }

    @Test
    void unknownColumnInDerivedColumn()
    {
        Problem problem = project(directory).replace("models/stages.yml", "trim(full_name)", "trim(fullname)").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/stages.yml"), 5, 19));
        assertThat(problem.message()).isEqualTo("unknown column 'fullname' in derived column 'name_clean' of stage 'stg_people' "
                + "(columns of source 'people' and earlier derived columns); did you mean 'full_name'?");
    }

    @Test
    void derivedColumnSeesOnlyEarlierDerivedColumns()
    {
        assertThat(project(directory).replace("models/stages.yml", "trim(full_name)", "concat(full_name, CAST(age_years AS varchar))").problem())
                .hasToString("models/stages.yml:5:19: unknown column 'age_years' in derived column 'name_clean' of stage 'stg_people' "
                        + "(columns of source 'people' and earlier derived columns); expected one of: _loaded_at, age, company_id, full_name, person_key");
    }

    @Test
    void derivedColumnWithSqlKeyIsLocatedAtItsSql()
    {
        assertThat(project(directory).replace("models/stages.yml", "sql: \"age\"", "sql: \"agee + 1\"").problem())
                .hasToString("models/stages.yml:6:25: unknown column 'agee' in derived column 'age_years' of stage 'stg_people' "
                        + "(columns of source 'people' and earlier derived columns); did you mean 'age'?");
    }

    @Test
    void derivedColumnWithSemicolonIsRejected()
    {
        assertThat(project(directory).replace("models/stages.yml", "    hash-keys:", "      bad: \"full_name; drop table people\"\n    hash-keys:").problem())
                .hasToString("models/stages.yml:7:12: derived column 'bad' of stage 'stg_people' is not a single SQL expression: "
                        + "it contains ';'; an expression cannot end the statement");
    }

    @Test
    void derivedColumnWithCommentIsRejected()
    {
        assertThat(project(directory).replace("models/stages.yml", "    hash-keys:", "      bad: \"full_name -- the rest is gone\"\n    hash-keys:").problem())
                .hasToString("models/stages.yml:7:12: derived column 'bad' of stage 'stg_people' is not a single SQL expression: "
                        + "it contains a comment; write comments in YAML ('#') instead");
    }

    @Test
    void derivedColumnWithUnbalancedParenthesisIsRejected()
    {
        assertThat(project(directory).replace("models/stages.yml", "    hash-keys:", "      bad: \"upper(full_name)) AS x, (person_key\"\n    hash-keys:").problem())
                .hasToString("models/stages.yml:7:12: derived column 'bad' of stage 'stg_people' is not a single SQL expression: "
                        + "it has a ')' without a matching '('");
    }

    @Test
    void derivedColumnNamedLikeASourceColumn()
    {
        assertThat(project(directory).replace("models/stages.yml", "name_clean: \"trim(full_name)\"", "name_clean: \"trim(full_name)\"\n      age: \"age + 1\"").problem())
                .hasToString("models/stages.yml:6:7: derived column 'age' of stage 'stg_people' has the name of an existing column; give it another name, e.g. 'age_clean'");
        assertThat(project(directory).replace("models/stages.yml", "name_clean: \"trim(full_name)\"", "name_clean: \"trim(full_name)\"\n      record_source: \"'x'\"").problem())
                .hasToString("models/stages.yml:6:7: derived column 'record_source' of stage 'stg_people' has the name of an existing column; give it another name, e.g. 'record_source_clean'");
    }

    @Test
    void recordSourcePerRow()
    {
        // located at the column it names
        assertThat(project(directory).replace("models/sources.yml", "record-source: crm", "record-source: { column: full_nam }").problem())
                .hasToString("models/sources.yml:3:30: source 'people' has no column 'full_nam' for its record-source (a column under 'columns:'); did you mean 'full_name'?");
        assertThat(project(directory).replace("models/sources.yml", "record-source: crm", "record-source: { sql: \"lower(compny_id)\" }").problem().toString())
                .isEqualTo("models/sources.yml:3:27: unknown column 'compny_id' in the record-source of source 'people'; did you mean 'company_id'?");
        assertThat(project(directory).replace("models/sources.yml", "record-source: crm", "record-source: { column: company_id, sql: \"'x'\" }").problem().toString())
                .startsWith("models/sources.yml:3:20: 'record-source' of source 'people' needs exactly one of 'column:'");
        // a column named record_source is the record source, or not allowed
        assertThat(project(directory).replace("models/sources.yml", "- { name: age, type: integer }", "- { name: age, type: integer }\n      - { name: record_source, type: varchar }").problem().toString())
                .isEqualTo("models/sources.yml:10:17: source 'people' has a column named 'record_source', a name vault gives to a column of every staging view; "
                        + "to stage each row with it, say 'record-source: {column: record_source}', else leave it out of 'columns:'");
        assertThat(project(directory)
                .replace("models/sources.yml", "- { name: age, type: integer }", "- { name: age, type: integer }\n      - { name: record_source, type: varchar }")
                .replace("models/sources.yml", "record-source: crm", "record-source: { column: record_source }")
                .load().model("people").dependencies())
                .isEmpty();
    }

    @Test
    void recordSourceOfAStage()
    {
        // a stage's record source reads the source's columns and the stage's derived columns, and replaces the source's
        Project project = project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { sql: \"'crm-' || name_clean\" }\n").load();
        assertThat(project.model("stg_people", Stage.class).recordSource(project.model("people", Source.class)))
                .isEqualTo(new RecordSource.FromSql("'crm-' || name_clean", new Location(Path.of("models/stages.yml"), 4, 27)));
        assertThat(project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { column: name_clen }\n").problem())
                .hasToString("models/stages.yml:4:30: stage 'stg_people' has no column 'name_clen' for its record-source (a column of source 'people' or a derived column); did you mean 'name_clean'?");
        assertThat(project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { sql: \"lower(ful_name)\" }\n").problem())
                .hasToString("models/stages.yml:4:27: unknown column 'ful_name' in the record-source of stage 'stg_people' (columns of source 'people' and derived columns); did you mean 'full_name'?");
        // the load columns are made after the record source, so it cannot read them
        assertThat(project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { column: load_datetime }\n").problem().toString())
                .startsWith("models/stages.yml:4:30: stage 'stg_people' has no column 'load_datetime' for its record-source");
        assertThat(project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { sql: \"'x'; drop table people\" }\n").problem())
                .hasToString("models/stages.yml:4:27: 'record-source: {sql: ...}' of stage 'stg_people' must be a single SQL expression over its columns: "
                        + "it contains ';'; an expression cannot end the statement");
        assertThat(project(directory).replace("models/stages.yml", "    source: people\n", "    source: people\n    record-source: { column: name_clean, sql: \"'x'\" }\n").problem().toString())
                .startsWith("models/stages.yml:4:20: 'record-source' of stage 'stg_people' needs exactly one of 'column:'");
    }

    @Test
    void unknownColumnInHashKey()
    {
        assertThat(project(directory).replace("models/stages.yml", "hk_company: [company_id]", "hk_company: [company_ic]").problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "models/hubs.yml:8:15: hub 'hub_company' has business keys [company_id] but stage 'stg_people' computes 'hk_company' from [company_ic]; list the same columns in the same order",
                        "models/links.yml:3:15: stage 'stg_people' computes link key 'hk_person_company' from [person_key, company_id]; "
                                + "it must hash the hubs' business keys in the order of 'hubs:': [person_key, company_ic]",
                        "models/stages.yml:9:20: unknown column 'company_ic' in 'hk_company' of stage 'stg_people'; did you mean 'company_id'?");
    }

    @Test
    void hashedColumnNamedLikeAnotherColumn()
    {
        assertThat(project(directory).replace("models/stages.yml", "    hashdiffs:\n", "    hashdiffs:\n      hk_person: [age]\n").problem())
                .hasToString("models/stages.yml:12:7: hashed column 'hk_person' of stage 'stg_people' has the name of another column; give it another name");
    }

    @Test
    void referenceToMissingStage()
    {
        assertThat(project(directory).replace("models/hubs.yml", "sources: [stg_people]\n\n", "sources: [stg_peple]\n\n").problem())
                .isEqualTo(new Problem(new Location(HUBS, 5, 15), "hub 'hub_person' refers to stage 'stg_peple', which does not exist; did you mean 'stg_people'?"));
    }

    @Test
    void referenceToSourceWhereAStageIsExpected()
    {
        assertThat(project(directory).replace("models/hubs.yml", "sources: [stg_people]\n\n", "sources: [people]\n\n").problem())
                .hasToString("models/hubs.yml:5:15: hub 'hub_person' refers to 'people' under 'sources', which is a source; it must be a stage");
    }

    @Test
    void referenceToMissingSource()
    {
        assertThat(project(directory).replace("models/stages.yml", "source: people", "source: peple").problems())
                .extracting(Problem::toString)
                .contains("models/stages.yml:3:13: stage 'stg_people' refers to source 'peple', which does not exist; did you mean 'people'?");
    }

    @Test
    void referenceToMissingSourceIsReportedOnce()
    {
        assertThat(project(directory).replace("models/stages.yml", "source: people", "source: peple").problems())
                .extracting(Problem::toString)
                .containsExactly("models/stages.yml:3:13: stage 'stg_people' refers to source 'peple', which does not exist; did you mean 'people'?");
    }

    @Test
    void referenceToMissingHub()
    {
        assertThat(project(directory).replace("models/links.yml", "hubs: [hub_person, hub_company]", "hubs: [hub_person, hub_compny]").problems())
                .extracting(Problem::toString)
                .first()
                .isEqualTo("models/links.yml:4:24: link 'link_person_company' refers to hub 'hub_compny', which does not exist; did you mean 'hub_company'?");
    }

    @Test
    void satelliteWhoseParentIsAStage()
    {
        assertThat(project(directory).replace("models/satellites.yml", "parent: hub_person", "parent: stg_people").problem())
                .isEqualTo(new Problem(new Location(Path.of("models/satellites.yml"), 3, 13),
                        "satellite 'sat_person' has parent 'stg_people', which is a stage; a satellite's parent is a hub or a link"));
    }

    @Test
    void satelliteWhoseParentIsMissing()
    {
        assertThat(project(directory).replace("models/satellites.yml", "parent: hub_person", "parent: hub_persn").problem())
                .hasToString("models/satellites.yml:3:13: satellite 'sat_person' has parent 'hub_persn', which is not a model; did you mean 'hub_person'?");
    }

    @Test
    void satelliteOfALink()
    {
        Project loaded = project(directory)
                .replace("models/satellites.yml", "parent: hub_person", "parent: link_person_company")
                .replace("models/stages.yml", "hk_person_company: [person_key, company_id]", "hk_person_company: [person_key, company_id]\n      hk_unused: [age]")
                .load();
        assertThat(loaded.graph().parents("sat_person")).containsExactlyInAnyOrder("link_person_company", "stg_people");
    }

    @Test
    void satellitePayloadDifferentFromHashdiff()
    {
        assertThat(project(directory).replace("models/satellites.yml", "hashdiff: hd_person", "hashdiff: hd_person\n    payload: [name_clean]").problem())
                .hasToString("models/satellites.yml:4:15: satellite 'sat_person' has payload [name_clean] but hashdiff 'hd_person' of stage 'stg_people' "
                        + "covers [name_clean, age_years]; they must be the same columns");
    }

    @Test
    void satellitePayloadInAnyOrder()
    {
        Project loaded = project(directory).replace("models/satellites.yml", "hashdiff: hd_person", "hashdiff: hd_person\n    payload: [age_years, name_clean]").load();
        assertThat(loaded.model("sat_person", Satellite.class).payload()).containsExactly("age_years", "name_clean");
    }

    @Test
    void satelliteHashdiffMissing()
    {
        assertThat(project(directory).replace("models/satellites.yml", "hashdiff: hd_person", "hashdiff: hd_persom").problem())
                .hasToString("models/satellites.yml:4:15: stage 'stg_people' has no hashdiff 'hd_persom' (under 'hashdiffs:') for satellite 'sat_person'; did you mean 'hd_person'?");
    }

    @Test
    void linkWithOneHub()
    {
        assertThat(project(directory)
                .replace("models/links.yml", "hubs: [hub_person, hub_company]", "hubs: [hub_person]")
                .replace("models/stages.yml", "hk_person_company: [person_key, company_id]", "hk_person_company: [person_key]")
                .problem())
                .hasToString("models/links.yml:3:15: link 'link_person_company' must link at least two hubs under 'hubs:'");
    }

    @Test
    void linkHashKeyMustHashTheHubKeysInOrder()
    {
        assertThat(project(directory).replace("models/stages.yml", "hk_person_company: [person_key, company_id]", "hk_person_company: [company_id, person_key]").problem())
                .hasToString("models/links.yml:3:15: stage 'stg_people' computes link key 'hk_person_company' from [company_id, person_key]; "
                        + "it must hash the hubs' business keys in the order of 'hubs:': [person_key, company_id]");
    }

    @Test
    void linkHashKeyOrderIsCheckedWithCompositeBusinessKeys()
    {
        assertThat(project(directory)
                .replace("models/sources.yml", "{ name: age, type: integer }", "{ name: age, type: integer }\n      - { name: country, type: varchar }")
                .replace("models/stages.yml", "hk_company: [company_id]", "hk_company: [company_id, country]")
                .replace("models/stages.yml", "hk_person_company: [person_key, company_id]", "hk_person_company: [company_id, person_key, country]")
                .replace("models/hubs.yml", "business-keys: [company_id]", "business-keys: [company_id, country]")
                .problems())
                .extracting(Problem::toString)
                .containsExactly("models/links.yml:3:15: stage 'stg_people' computes link key 'hk_person_company' from [company_id, person_key, country]; "
                        + "it must hash the hubs' business keys in the order of 'hubs:': [person_key, company_id, country]");
    }

    @Test
    void linkForeignKeyColumnCanBeNamed()
    {
        Project loaded = project(directory)
                .replace("models/links.yml", "hubs: [hub_person, hub_company]", "hubs:\n      - hub_person\n      - { hub: hub_company, column: hk_company }")
                .load();
        assertThat(loaded.model("link_person_company", Link.class).foreignKeys()).containsExactly(
                new ForeignKey("hub_person", "hk_person", new Location(Path.of("models/links.yml"), 5, 9)),
                new ForeignKey("hub_company", "hk_company", new Location(Path.of("models/links.yml"), 6, 16)));
    }

    @Test
    void linkWithTheSameHubTwiceNeedsNamedColumns()
    {
        assertThat(project(directory).replace("models/links.yml", "hubs: [hub_person, hub_company]", "hubs: [hub_person, hub_person]").problems())
                .extracting(Problem::toString)
                .contains("models/links.yml:4:24: link 'link_person_company' would have two columns named 'hk_person'; "
                        + "name the foreign key with '- {hub: hub_person, column: <another name>}'");
    }

    @Test
    void loadTimestampColumnMissing()
    {
        assertThat(project(directory).replace("models/sources.yml", "load-timestamp: _loaded_at", "load-timestamp: loaded_at").problem())
                .isEqualTo(new Problem(new Location(Path.of("models/sources.yml"), 4, 21), "source 'people' has no column 'loaded_at' for its load-timestamp; did you mean '_loaded_at'?"));
    }

    @Test
    void loadTimestampColumnNotATimestamp()
    {
        assertThat(project(directory).replace("models/sources.yml", "{ name: _loaded_at, type: timestamp(6) with time zone }", "{ name: _loaded_at, type: varchar }").problem())
                .hasToString("models/sources.yml:4:21: load-timestamp column '_loaded_at' of source 'people' is varchar; it must be a timestamp, e.g. 'timestamp(6) with time zone'");
    }

    @Test
    void loadTimestampWithoutTimeZoneIsATimestamp()
    {
        assertThat(project(directory).replace("models/sources.yml", "{ name: _loaded_at, type: timestamp(6) with time zone }", "{ name: _loaded_at, type: timestamp(6) }").load().models())
                .containsKey("people");
    }

    @Test
    void sourceColumnListedTwice()
    {
        assertThat(project(directory).replace("models/sources.yml", "{ name: age, type: integer }", "{ name: age, type: integer }\n      - { name: age, type: bigint }").problem())
                .hasToString("models/sources.yml:10:17: column 'age' is listed twice in source 'people'");
    }

    @Test
    void twoSourcesReadingTheSameTable()
    {
        assertThat(project(directory).file("models/more_sources.yml", """
                sources:
                  - name: people_again
                    table: people
                    record-source: crm
                    load-timestamp: _loaded_at
                    columns:
                      - { name: _loaded_at, type: timestamp(6) with time zone }
                """).problem())
                .hasToString("models/sources.yml:2:5: sources 'people_again' and 'people' (at models/more_sources.yml:2:5) read the same table 'people'; define it once");
    }

    @Test
    void sourceColumnWithAStandardColumnName()
    {
        assertThat(project(directory).replace("models/sources.yml", "{ name: full_name, type: varchar }", "{ name: full_name, type: varchar }\n      - { name: record_source, type: varchar }").problems())
                .extracting(Problem::toString)
                .anySatisfy(problem -> assertThat(problem).startsWith("models/sources.yml:8:17: ").contains("record_source"));
    }

    @Test
    void cycleBetweenMarts()
    {
        assertThat(project(directory).file("models/marts.yml", """
                marts:
                  - name: mart_a
                    sql: SELECT * FROM {{ ref('mart_c') }}
                  - name: mart_b
                    sql: SELECT * FROM {{ ref('mart_a') }} JOIN {{ ref('hub_person') }} USING (hk_person)
                  - name: mart_c
                    sql: SELECT * FROM {{ ref('mart_b') }}
                """).problem())
                .hasToString("models/marts.yml:4:5: the models form a cycle: mart_b -> mart_c -> mart_a -> mart_b; a model cannot read, directly or not, from itself");
    }

    @Test
    void cycleOfTwoMarts()
    {
        Problem problem = project(directory).file("models/marts.yml", """
                marts:
                  - name: mart_a
                    sql: SELECT * FROM {{ ref('mart_b') }}
                  - name: mart_b
                    sql: SELECT * FROM {{ ref('mart_a') }}
                """).problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/marts.yml"), 2, 5));
        assertThat(problem.message()).isEqualTo("the models form a cycle: mart_a -> mart_b -> mart_a; a model cannot read, directly or not, from itself");
    }
}
