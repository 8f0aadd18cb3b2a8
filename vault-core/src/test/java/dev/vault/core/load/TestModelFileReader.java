package dev.vault.core.load;

import dev.vault.core.model.Column;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** The shape of each model in a file: keys, names, types, mart SQL. Loaded through {@link ProjectLoader}. */
class TestModelFileReader
{
    @TempDir
    Path directory;

    @Test
    void unknownKeyInModelWithSuggestion()
    {
        assertThat(project(directory).replace("models/hubs.yml", "    hash-key: hk_person", "    hash_key: hk_person").problems())
                .extracting(Problem::toString)
                // and not also "is missing 'hash-key:'": the misspelling explains it
                .containsExactly("models/hubs.yml:3:5: unknown key 'hash_key' in hub 'hub_person'; did you mean 'hash-key'?");
    }

    @Test
    void unknownKeyWithoutCloseMatchListsTheKeys()
    {
        assertThat(project(directory).replace("models/satellites.yml", "    hashdiff: hd_person\n", "    hashdiff: hd_person\n    owner: me\n").problem())
                .hasToString("models/satellites.yml:5:5: unknown key 'owner' in satellite 'sat_person'; "
                        + "expected one of: buckets, description, hashdiff, loading, maintenance, name, parent, payload, sources, tags, tests, views");
    }

    @Test
    void unknownTopLevelKey()
    {
        Problem problem = project(directory).replace("models/hubs.yml", "hubs:", "hub:").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/hubs.yml"), 1, 1));
        assertThat(problem.message()).isEqualTo("unknown key 'hub' in a model file; did you mean 'hubs'?");
    }

    @Test
    void modelFileThatIsNotAMapping()
    {
        assertThat(project(directory).file("models/list.yml", "- name: hub_x\n").problem())
                .hasToString("models/list.yml:1:1: a model file must be a mapping of 'key: value' lines, found a list");
    }

    @Test
    void modelsMustBeAList()
    {
        assertThat(project(directory).file("models/hubs.yml", "hubs:\n  name: hub_x\n").problem())
                .hasToString("models/hubs.yml:2:3: 'hubs' of a model file must be a list of entries starting with '- ', found a mapping");
    }

    @Test
    void modelWithoutName()
    {
        assertThat(project(directory).replace("models/hubs.yml", "  - name: hub_company\n    hash-key", "  - hash-key").problem())
                .hasToString("models/hubs.yml:7:5: this hub has no 'name:'");
    }

    @Test
    void upperCaseModelName()
    {
        Problem problem = project(directory).replace("models/hubs.yml", "name: hub_person", "name: Hub_Person").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/hubs.yml"), 2, 11));
        assertThat(problem.message()).isEqualTo("hub name 'Hub_Person' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'hub_person')");
    }

    @Test
    void sqlInjectionInModelName()
    {
        assertThat(project(directory).replace("models/hubs.yml", "name: hub_company", "name: 'hub\"; drop table x; --'").problem())
                .hasToString("models/hubs.yml:7:11: hub name 'hub\"; drop table x; --' is not a valid name: "
                        + "use lower-case letters, digits and underscores, starting with a letter (e.g. 'hub_drop_table_x_')");
    }

    @Test
    void quotedColumnName()
    {
        assertThat(project(directory).replace("models/sources.yml", "{ name: age, type: integer }", "{ name: '\"age\"', type: integer }").problem())
                .hasToString("models/sources.yml:9:17: column '\"age\"' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. '_age_')");
    }

    @Test
    void invalidNamesOfTablesDerivedAndHashedColumns()
    {
        assertThat(project(directory)
                .replace("models/sources.yml", "    record-source: crm\n", "    record-source: crm\n    table: people;drop\n")
                .replace("models/stages.yml", "name_clean:", "Name-Clean:")
                .replace("models/stages.yml", "hk_company:", "hk company:")
                .problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "models/sources.yml:4:12: table 'people;drop' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'people_drop')",
                        "models/stages.yml:5:7: derived column 'Name-Clean' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'name_clean')",
                        "models/stages.yml:9:7: hashed column 'hk company' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'hk_company')");
    }

    @Test
    void invalidColumnType()
    {
        Problem problem = project(directory).replace("models/sources.yml", "type: integer", "type: int4").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/sources.yml"), 9, 28));
        assertThat(problem.message()).isEqualTo("'int4' is not a column type vault stores in Iceberg; use one of: boolean, integer, bigint, real, double, "
                + "decimal(p, s) with p <= 38 and s <= p, varchar, varchar(n), date, timestamp(6), timestamp(6) with time zone, uuid, varbinary");
    }

    @Test
    void invalidDerivedColumnType()
    {
        assertThat(project(directory).replace("models/stages.yml", "type: integer", "type: timestamp(3)").problem())
                .hasToString("models/stages.yml:6:38: 'timestamp(3)' is not a column type vault stores in Iceberg; use one of: boolean, integer, bigint, real, double, "
                        + "decimal(p, s) with p <= 38 and s <= p, varchar, varchar(n), date, timestamp(6), timestamp(6) with time zone, uuid, varbinary");
    }

    @Test
    void columnTypeIsNormalized()
    {
        Project loaded = project(directory).replace("models/sources.yml", "type: integer", "type: 'INTEGER'")
                .replace("models/sources.yml", "timestamp(6) with time zone", "'TIMESTAMP(6)  WITH TIME ZONE'")
                .load();
        assertThat(loaded.model("people", Source.class).columns())
                .extracting(Column::type)
                .containsExactly("varchar", "varchar", "varchar", "integer", "timestamp(6) with time zone");
    }

    @Test
    void missingLoadTimestampKey()
    {
        assertThat(project(directory).replace("models/sources.yml", "    load-timestamp: _loaded_at\n", "").problem())
                .hasToString("models/sources.yml:2:5: source 'people' is missing 'load-timestamp:'");
    }

    @Test
    void missingColumns()
    {
        assertThat(project(directory).file("models/sources.yml", """
                sources:
                  - name: people
                    record-source: crm
                    load-timestamp: _loaded_at
                """).problem())
                .hasToString("models/sources.yml:2:5: source 'people' is missing 'columns:' (a list of '- name: ..., type: ...')");
    }

    @Test
    void emptyListOfSources()
    {
        assertThat(project(directory).replace("models/hubs.yml", "sources: [stg_people]\n\n", "sources: []\n\n").problem())
                .hasToString("models/hubs.yml:5:14: 'sources' of hub 'hub_person' must list at least one value");
    }

    @Test
    void emptySourcesValue()
    {
        Problem problem = project(directory).replace("models/hubs.yml", "sources: [stg_people]\n\n", "sources:\n\n").problem();
        assertThat(problem.location().line()).isEqualTo(5);
        assertThat(problem.message()).contains("'sources' of hub 'hub_person'");
    }

    @Test
    void valueListedTwice()
    {
        assertThat(project(directory).replace("models/hubs.yml", "business-keys: [person_key]", "business-keys: [person_key, person_key]").problem())
                .hasToString("models/hubs.yml:4:33: 'person_key' is listed twice in 'business-keys' of hub 'hub_person'");
    }

    @Test
    void listWhereASingleValueIsExpected()
    {
        assertThat(project(directory).replace("models/hubs.yml", "hash-key: hk_person", "hash-key: [hk_person]").problems())
                .extracting(Problem::toString)
                .containsExactly("models/hubs.yml:3:15: 'hash-key' of hub 'hub_person' must be a single value, found a list");
    }

    @Test
    void bucketsOutOfRange()
    {
        assertThat(project(directory).replace("models/hubs.yml", "business-keys: [company_id]", "business-keys: [company_id]\n    buckets: 0").problem())
                .hasToString("models/hubs.yml:10:14: 'buckets' of hub 'hub_company' must be between 1 and 4096, found 0");
        assertThat(project(directory).replace("models/hubs.yml", "business-keys: [company_id]", "business-keys: [company_id]\n    buckets: many").problem())
                .hasToString("models/hubs.yml:10:14: 'buckets' of hub 'hub_company' must be a whole number, found 'many'");
    }

    @Test
    void badMaterialization()
    {
        assertThat(project(directory).replace("models/marts.yml", "    sql: |", "    materialized: veiw\n    sql: |").problem())
                .hasToString("models/marts.yml:3:19: 'materialized' of mart 'mart_people' cannot be 'veiw'; did you mean 'view'?");
    }

    @Test
    void martNeedsExactlyOneOfSqlAndSqlFile()
    {
        assertThat(project(directory).replace("models/marts.yml", "    sql: |", "    sql-file: people.sql\n    sql: |").problem())
                .hasToString("models/marts.yml:2:5: mart 'mart_people' needs exactly one of 'sql:' (the query, inline) or 'sql-file:' (a .sql file next to this one)");
        assertThat(project(directory).file("models/marts.yml", "marts:\n  - name: mart_people\n").problem())
                .hasToString("models/marts.yml:2:5: mart 'mart_people' needs exactly one of 'sql:' (the query, inline) or 'sql-file:' (a .sql file next to this one)");
    }

    @Test
    void missingSqlFile()
    {
        Problem problem = project(directory).file("models/marts.yml", "marts:\n  - name: mart_people\n    sql-file: missing.sql\n").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/marts.yml"), 3, 15));
        assertThat(problem.message()).isEqualTo("the SQL file 'missing.sql' of mart 'mart_people' does not exist (looked for models/missing.sql); create it or fix 'sql-file:'");
    }

    @Test
    void sqlFileOutsideTheProject()
    {
        Problem problem = project(directory).file("models/marts.yml", "marts:\n  - name: mart_people\n    sql-file: ../../secrets.sql\n").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/marts.yml"), 3, 15));
        assertThat(problem.message()).isEqualTo("the SQL file '../../secrets.sql' of mart 'mart_people' is outside the project folder; keep mart SQL files under the project");
    }

    @Test
    void sqlFileNextToTheModelFile()
    {
        Project loaded = project(directory)
                .file("models/marts.yml", "marts:\n  - name: mart_people\n    materialized: view\n    sql-file: gold/people.sql\n")
                .file("models/gold/people.sql", "SELECT *\nFROM {{ref('hub_person')}}\n")
                .load();
        Mart mart = loaded.model("mart_people", Mart.class);
        assertThat(mart.materialized()).isEqualTo(Mart.Materialization.VIEW);
        assertThat(mart.refs()).containsExactly("hub_person");
        assertThat(mart.sql()).isEqualTo("SELECT *\nFROM {{ref('hub_person')}}\n");
        assertThat(mart.sqlLocation()).isEqualTo(new Location(Path.of("models/gold/people.sql"), 1, 1));
    }

    @Test
    void refToMissingModelIsReportedAtItsLineInTheSql()
    {
        Problem problem = project(directory).replace("models/marts.yml", "ref('sat_person')", "ref('nope')").problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/marts.yml"), 6, 1));
        assertThat(problem.message()).isEqualTo("mart 'mart_people' refers to {{ ref('nope') }}, which is not a model; "
                + "expected one of: hub_company, hub_person, link_person_company, mart_people, people, sat_person, stg_people");
    }

    @Test
    void refToMissingModelIsReportedAtItsLineInTheSqlFile()
    {
        assertThat(project(directory)
                .file("models/marts.yml", "marts:\n  - name: mart_people\n    sql-file: people.sql\n")
                .file("models/people.sql", "-- people\nSELECT *\nFROM {{ ref('hub_persn') }}\n")
                .problem())
                .hasToString("models/people.sql:3:1: mart 'mart_people' refers to {{ ref('hub_persn') }}, which is not a model; did you mean 'hub_person'?");
    }

    @Test
    void refInOneLineSqlIsReportedAtItsLine()
    {
        assertThat(project(directory).file("models/marts.yml", "marts:\n  - name: mart_a\n    sql: SELECT * FROM {{ ref('nope') }}\n").problem().location())
                .isEqualTo(new Location(Path.of("models/marts.yml"), 3, 1));
    }

    @Test
    void refToItself()
    {
        assertThat(project(directory).replace("models/marts.yml", "ref('sat_person')", "ref('mart_people')").problem())
                .hasToString("models/marts.yml:6:1: mart 'mart_people' refers to itself");
    }

    @Test
    void unsupportedTemplateSyntax()
    {
        assertThat(project(directory).replace("models/marts.yml", "      SELECT p.person_key", "      {{ config(materialized='view') }}\n      SELECT p.person_key").problem())
                .hasToString("models/marts.yml:4:1: mart 'mart_people' uses '{{ config(materialized='view') }}'; only {{ ref('model_name') }} is supported inside mart SQL");
        assertThat(project(directory).replace("models/marts.yml", "AS s ON", "AS s {% if true %}ON").problem().message())
                .isEqualTo("mart 'mart_people' uses '{% if true %}'; only {{ ref('model_name') }} is supported inside mart SQL");
        assertThat(project(directory).replace("models/marts.yml", "ref('sat_person')", "ref(\"sat_person\")").problem().message())
                .isEqualTo("mart 'mart_people' uses '{{ ref(\"sat_person\") }}'; only {{ ref('model_name') }} is supported inside mart SQL");
    }
}
