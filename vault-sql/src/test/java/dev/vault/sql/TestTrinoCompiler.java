package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Column;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.core.seed.Seed;
import dev.vault.core.seed.SeedReader;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TestTrinoCompiler
{
    private static final String CUSTOMER_ID_PART = "coalesce(replace(replace(upper(nullif(trim(CAST(\"customer_id\" AS varchar)), '')), '\\', '\\\\'), '|', '\\|'), '\\N')";
    private static final String COUNTRY_PART = "coalesce(replace(replace(upper(nullif(trim(CAST(\"country\" AS varchar)), '')), '\\', '\\\\'), '|', '\\|'), '\\N')";

    @TempDir
    Path directory;

    @Test
    void defaultHashingIsUpperCasedSha256WithA64CharacterZeroKey()
    {
        String sql = stageSql(FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load());

        assertThat(sql)
                .contains("to_hex(sha256(to_utf8(\"hk_customer$input\")))")
                .contains("to_hex(sha256(to_utf8(\"hd_customer$input\")))")
                .contains("upper(nullif(trim(CAST(\"customer_id\" AS varchar)), ''))")
                .contains("THEN '" + "0".repeat(64) + "'")
                .doesNotContain("md5(");
    }

    @Test
    void aProjectOfMartsAloneCreatesTheSilverSchemaForTheRunLock()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", """
                sources:
                  - name: customers
                    record-source: crm
                    load-timestamp: loaded_at
                    columns:
                      - { name: customer_id, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                marts:
                  - name: mart_customers
                    sql: "SELECT customer_id FROM {{ ref('customers') }}"
                """).load();
        assertThat(new TrinoCompiler(project).compile().schemas())
                .extracting(statement -> statement.target().schema())
                .containsExactly("gold", "silver");
    }

    @Test
    void columnsDescribeWhatEachTableHolds()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        TrinoCompiler compiler = new TrinoCompiler(project);

        assertThat(compiler.columns(project.model("stg_customers")))
                .extracting(Column::name, Column::type, Column::description)
                .containsExactly(
                        tuple("customer_id", "varchar", ""),
                        tuple("country", "varchar", ""),
                        tuple("email", "varchar", ""),
                        tuple("loaded_at", "timestamp(6) with time zone", ""),
                        tuple("email_clean", "varchar", "Derived: lower(trim(email))"),
                        tuple("email_domain", "varchar", "Derived: split_part(email_clean, '@', 2)"),
                        tuple("load_datetime", "timestamp(6) with time zone", "When the row landed in bronze (from loaded_at)"),
                        tuple("record_source", "varchar", "Source system of the row: 'crm'"),
                        tuple("hk_customer", "varchar", "Hash key of customer_id, country"),
                        tuple("hd_customer", "varchar", "Hashdiff of email_clean, email_domain"));
        // the table's own comments, as its CREATE TABLE writes them
        assertThat(compiler.columns(project.model("hub_customer")))
                .extracting(Column::name, Column::description)
                .containsExactly(
                        tuple("hk_customer", "Hash key of customer_id, country"),
                        tuple("customer_id", "Business key"),
                        tuple("country", "Business key"),
                        tuple("load_datetime", "When the row's source data landed in bronze"),
                        tuple("record_source", "Source system of the row"));
        // payload columns have no comment of their own: described as the stage describes them
        assertThat(compiler.columns(project.model("sat_customer")))
                .extracting(Column::name, Column::description)
                .contains(tuple("hd_customer", "Hash of the payload"), tuple("email_clean", "Derived: lower(trim(email))"));
        assertThat(compiler.columns(project.model("customers"))).isEqualTo(project.model("customers", Source.class).columns());
        assertThat(compiler.columns(project.model("mart_customers"))).isEmpty();
    }

    @Test
    void md5AlgorithmAndPreservedKeyCaseChangeTheStageSql()
    {
        Project project = FixtureProject.in(directory)
                .config("""
                        hashing:
                          algorithm: md5
                          business-key-case: preserve
                        """)
                .file("models/customers.yml", FixtureProject.CUSTOMERS)
                .load();
        String sql = stageSql(project);

        assertThat(sql)
                .contains("CASE WHEN \"hk_customer$input\" = '\\N|\\N' THEN '" + "0".repeat(32) + "' ELSE to_hex(md5(to_utf8(\"hk_customer$input\"))) END AS \"hk_customer\"")
                .contains("to_hex(md5(to_utf8(\"hd_customer$input\"))) AS \"hd_customer\"")
                .contains("coalesce(replace(replace(nullif(trim(CAST(\"customer_id\" AS varchar)), ''), '\\', '\\\\'), '|', '\\|'), '\\N')")
                .doesNotContain("upper(")
                .doesNotContain("sha256")
                .doesNotContain("0".repeat(33));
    }

    @Test
    void sha512UsesA128CharacterZeroKey()
    {
        Project project = FixtureProject.in(directory)
                .config("hashing: { algorithm: sha512 }\n")
                .file("models/customers.yml", FixtureProject.CUSTOMERS)
                .load();

        assertThat(stageSql(project))
                .contains("to_hex(sha512(to_utf8(\"hk_customer$input\")))")
                .contains("'" + "0".repeat(128) + "'")
                .doesNotContain("0".repeat(129));
    }

    @Test
    void derivedColumnReadingAnEarlierDerivedColumnLandsInALaterCte()
    {
        String sql = stageSql(FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load());

        String derived1 = between(sql, "derived_1 AS (", "derived_2 AS (");
        String derived2 = between(sql, "derived_2 AS (", "hash_input AS (");
        assertThat(derived1)
                .contains("lower(trim(email)) AS \"email_clean\"")
                .contains("FROM source")
                .doesNotContain("email_domain");
        assertThat(derived2)
                .contains("split_part(email_clean, '@', 2) AS \"email_domain\"")
                .contains("FROM derived_1")
                .doesNotContain("AS \"email_clean\"");
        assertThat(between(sql, "hash_input AS (", "\nSELECT\n")).contains("FROM derived_2");
        assertThat(sql).doesNotContain("derived_3");
    }

    @Test
    void derivedColumnsWithoutDependenciesShareOneCte()
    {
        String models = FixtureProject.CUSTOMERS.replace(
                "email_domain: \"split_part(email_clean, '@', 2)\"",
                "email_domain: \"split_part(email, '@', 2)\"");
        String sql = stageSql(FixtureProject.in(directory).file("models/customers.yml", models).load());

        assertThat(between(sql, "derived_1 AS (", "hash_input AS ("))
                .contains("AS \"email_clean\"")
                .contains("AS \"email_domain\"");
        assertThat(sql)
                .doesNotContain("derived_2")
                .contains("FROM derived_1\n)\nSELECT");
    }

    @Test
    void stageWithoutDerivedColumnsHashesFromTheSource()
    {
        String models = FixtureProject.CUSTOMERS
                .replace("    derived-columns:\n      email_clean: \"lower(trim(email))\"\n      email_domain: \"split_part(email_clean, '@', 2)\"\n", "")
                .replace("hd_customer: [email_clean, email_domain]", "hd_customer: [email]")
                .replace("  - name: sat_customer\n", "  - name: sat_customer\n    payload: [email]\n");
        String sql = stageSql(FixtureProject.in(directory).file("models/customers.yml", models).load());

        assertThat(sql)
                .doesNotContain("derived_")
                .contains("    FROM source\n)\nSELECT");
    }

    @Test
    void stageRecordSourceReplacesTheSources()
    {
        String fixed = stageSql(stageRecordSource("shop"));
        assertThat(fixed)
                .contains("        'shop' AS \"record_source\",\n")
                .doesNotContain("'crm'")
                .doesNotContain("fail(");

        // a derived column, checked per row: a null or blank record source fails the reads, naming the stage's setting
        Project fromColumn = stageRecordSource("{ column: email_domain }");
        assertThat(between(stageSql(fromColumn), "hash_input AS (", "\nSELECT\n"))
                .contains("        coalesce(nullif(trim(CAST(\"email_domain\" AS varchar)), ''), CAST(fail('stg_customers: a row of source customers has no record source "
                        + "(the stage''s record-source per row, from column email_domain, models/customers.yml:12:5); every staged row needs the system it comes from') AS varchar)) AS \"record_source\",\n")
                .contains("FROM derived_2");
        assertThat(new TrinoCompiler(fromColumn).columns(fromColumn.model("stg_customers")))
                .extracting(Column::name, Column::description)
                .contains(tuple("record_source", "Source system of the row: per row, from column email_domain"));

        // an expression, which the identity record key is prefixed with as well
        String fromSql = stageSql(stageRecordSource("{ sql: \"'crm-' || lower(country)\" }\n    identity: { record-key: [customer_id], email: email_clean }"));
        String recordSource = "coalesce(nullif(trim(CAST(('crm-' || lower(country)) AS varchar)), ''), CAST(fail('stg_customers: a row of source customers has no record source "
                + "(the stage''s record-source per row, from ''crm-'' || lower(country), models/customers.yml:12:5); every staged row needs the system it comes from') AS varchar))";
        assertThat(fromSql)
                .contains("        " + recordSource + " AS \"record_source\",\n")
                .contains("        " + recordSource + " || '|' || concat_ws('|', ")
                .doesNotContain("'crm'");
    }

    /** The fixture with {@code record-source: <yaml>} on its stage, over its source's {@code crm}. */
    private Project stageRecordSource(String yaml)
    {
        return FixtureProject.in(directory)
                .file("models/customers.yml", FixtureProject.CUSTOMERS.replace("    source: customers\n", "    source: customers\n    record-source: " + yaml + "\n"))
                .load();
    }

    @Test
    void hubWithTwoBusinessKeysHashesBothInOrder()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        String sql = stageSql(project);

        assertThat(sql)
                .contains("concat_ws('|', " + CUSTOMER_ID_PART + ", " + COUNTRY_PART + ") AS \"hk_customer$input\"")
                .contains("CASE WHEN \"hk_customer$input\" = '\\N|\\N' THEN");
        // hashdiff input: name=value pairs sorted by column name
        assertThat(sql).containsSubsequence(
                "concat_ws('|', CASE WHEN \"email_clean\" IS NULL THEN NULL ELSE 'email_clean=' ||",
                "CASE WHEN \"email_domain\" IS NULL THEN NULL ELSE 'email_domain=' ||",
                "AS \"hd_customer$input\"");

        List<Statement> hub = new TrinoCompiler(project).compile().model("hub_customer").statements();
        assertThat(hub).extracting(Statement::kind).containsExactly(Statement.Kind.CREATE_TABLE, Statement.Kind.LOAD);
        assertThat(hub.get(0).sql())
                .contains("CREATE TABLE IF NOT EXISTS \"iceberg\".\"silver\".\"hub_customer\" (")
                .containsSubsequence(
                        "\"hk_customer\" varchar NOT NULL COMMENT 'Hash key of customer_id, country'",
                        "\"customer_id\" varchar COMMENT 'Business key'",
                        "\"country\" varchar COMMENT 'Business key'",
                        "\"load_datetime\"",
                        "\"record_source\" varchar NOT NULL")
                .contains("partitioning = ARRAY['bucket(hk_customer, ")
                .contains("sorted_by = ARRAY['hk_customer']");
        assertThat(hub.get(1).sql())
                .contains("INSERT INTO \"iceberg\".\"silver\".\"hub_customer\" (\"hk_customer\", \"customer_id\", \"country\", \"load_datetime\", \"record_source\")")
                .contains("ORDER BY \"load_datetime\", \"record_source\", \"customer_id\", \"country\") AS \"first_seen$rank\"")
                .contains("FROM \"iceberg\".\"silver\".\"stg_customers\"");
    }

    @Test
    void singleKeyZeroInputIsOneNullMarker()
    {
        Project project = FixtureProject.in(directory)
                .file("models/customers.yml", FixtureProject.CUSTOMERS.replace("[customer_id, country]", "[customer_id]"))
                .load();

        assertThat(stageSql(project))
                .contains("concat_ws('|', " + CUSTOMER_ID_PART + ") AS \"hk_customer$input\"")
                .contains("CASE WHEN \"hk_customer$input\" = '\\N' THEN");
    }

    @Test
    void viewMartCompilesToCreateOrReplaceViewWithRefsResolved()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        ModelPlan mart = new TrinoCompiler(project).compile().model("mart_customers");

        assertThat(mart.target()).isEqualTo(new TableName("iceberg", "gold", "mart_customers"));
        assertThat(mart.statements()).hasSize(1);
        Statement view = mart.statements().getFirst();
        assertThat(view.kind()).isEqualTo(Statement.Kind.VIEW);
        assertThat(view.target()).isEqualTo(mart.target());
        assertThat(view.sql())
                .startsWith("-- vault mart: mart_customers (models/customers.yml:")
                .contains("\nCREATE OR REPLACE VIEW \"iceberg\".\"gold\".\"mart_customers\"\n"
                        + "COMMENT 'vault mart mart_customers, models/customers.yml:")
                .contains("; vault fingerprint " + Guard.FINGERPRINT_SLOT + "'\nAS\n"
                        + "SELECT hk_customer, customer_id FROM \"iceberg\".\"silver\".\"hub_customer\"\n"
                        + "WHERE country = 'BR'\n")
                .doesNotContain("{{")
                .doesNotContain("ref(")
                // the trailing ';' of the model's SQL is dropped
                .endsWith("WHERE country = 'BR'\n");
        // re-created only when its statement changes: the guard reads nothing but the view's own comment
        assertThat(mart.steps().getFirst()).isInstanceOfSatisfying(Step.SkipWhenUnchanged.class, skip -> {
            assertThat(skip.guard().inputs()).isEmpty();
            assertThat(skip.guard().clock()).isEmpty();
            assertThat(skip.guard().recordedIn()).isEqualTo(mart.target());
            assertThat(skip.guard().definition()).isEqualTo(view.sql());
        });
    }

    @Test
    void tableMartIsAGuardedReplaceWithAFingerprintSlot()
    {
        Project project = FixtureProject.in(directory)
                .file("models/customers.yml", FixtureProject.CUSTOMERS.replace("materialized: view", "materialized: table"))
                .load();
        ModelPlan mart = new TrinoCompiler(project).compile().model("mart_customers");

        assertThat(mart.steps()).hasSize(2);
        Guard guard = ((Step.SkipWhenUnchanged) mart.steps().get(0)).guard();
        assertThat(guard.definition()).isEqualTo("SELECT hk_customer, customer_id FROM \"iceberg\".\"silver\".\"hub_customer\"\nWHERE country = 'BR'");
        assertThat(guard.inputTables()).extracting(TableName::table).containsExactly("customers", "hub_customer");
        assertThat(guard.recordedIn()).isEqualTo(mart.target());
        assertThat(guard.recordedQuery()).isEqualTo(TrinoQueries.tableComment(mart.target()));
        assertThat(mart.statements()).hasSize(1);
        Statement statement = mart.statements().getFirst();
        assertThat(statement.kind()).isEqualTo(Statement.Kind.REPLACE);
        assertThat(statement.model()).isEqualTo("mart_customers");
        assertThat(statement.sql())
                .contains("CREATE OR REPLACE TABLE \"iceberg\".\"gold\".\"mart_customers\"")
                .contains("COMMENT 'vault mart mart_customers, models/customers.yml:")
                .contains("; vault fingerprint ${fingerprint}'")
                .endsWith("AS\nSELECT hk_customer, customer_id FROM \"iceberg\".\"silver\".\"hub_customer\"\nWHERE country = 'BR'\n");
        Statement filled = new Statement(statement.model(), statement.kind(), statement.target(), Guard.fill(statement.sql(), "00ff"));
        assertThat(TrinoCompiler.fingerprint(filled)).contains("00ff");
        assertThat(TrinoCompiler.fingerprint(comment(filled))).contains("00ff");
    }

    @Test
    void clockAnswerIsPartOfTheFingerprintOfAGuardWithAClockOnly()
    {
        TableName a = new TableName("iceberg", "silver", "a");
        Guard plain = Guard.of("SELECT 1", ImmutableList.of(a), a);
        Guard clocked = plain.withClock("SELECT 'due'");

        assertThat(clocked.clock()).contains("SELECT 'due'");
        assertThat(clocked.fingerprint(Map.of(a, "1"), Optional.of("2026-12-03")))
                .isEqualTo(clocked.fingerprint(Map.of(a, "1"), Optional.of("2026-12-03")))
                .isNotEqualTo(clocked.fingerprint(Map.of(a, "1"), Optional.of("2026-12-04")))
                .isNotEqualTo(clocked.fingerprint(Map.of(a, "2"), Optional.of("2026-12-03")));
        // a guard without a clock keeps the fingerprints it always had
        assertThat(plain.fingerprint(Map.of(a, "1"), Optional.empty())).isEqualTo(plain.fingerprint(Map.of(a, "1")));
        assertThatThrownBy(() -> clocked.fingerprint(Map.of(a, "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has a clock");
    }

    @Test
    void snapshotControlBridgeAndPitLoadsAreGuarded()
    {
        Plan plan = new TrinoCompiler(ProjectLoader.load(Path.of("../vault-embedded/src/test/resources/conformance/pit-bridge"), TrinoDialect.INSTANCE)).compile();
        ModelPlan control = plan.model("control_snapshots");
        assertThat(control.steps().getFirst()).isInstanceOfSatisfying(Step.SkipWhenUnchanged.class, skip -> {
            assertThat(skip.guard().inputs()).isEmpty();
            assertThat(skip.guard().clock()).hasValueSatisfying(clock -> assertThat(clock)
                    .startsWith("SELECT CAST(CASE WHEN with_timezone(date_add('second', ")
                    .contains("current_timestamp AT TIME ZONE 'UTC'"));
        });
        assertThat(control.steps().getLast()).isInstanceOf(Step.RecordFingerprint.class);
        for (String name : List.of("pit_customer", "bridge_customer_store")) {
            ModelPlan bridge = plan.model(name);
            assertThat(bridge.steps().getFirst()).isInstanceOfSatisfying(Step.SkipWhenUnchanged.class, skip -> {
                assertThat(skip.guard().clock()).isEmpty();
                assertThat(skip.guard().inputTables()).contains(control.target());
            });
        }
    }

    @Test
    void guardFingerprintChangesWithTheDefinitionAndEveryInputSnapshot()
    {
        TableName a = new TableName("iceberg", "silver", "a");
        TableName b = new TableName("iceberg", "silver", "b");
        Guard guard = Guard.of("SELECT 1", ImmutableList.of(a, b), a);
        String fingerprint = guard.fingerprint(Map.of(a, "1", b, "2"));

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(guard.fingerprint(Map.of(a, "1", b, "2"))).isEqualTo(fingerprint);
        assertThat(guard.fingerprint(Map.of(a, "1", b, "3"))).isNotEqualTo(fingerprint);
        assertThat(guard.fingerprint(Map.of(a, "1"))).isNotEqualTo(fingerprint).isEqualTo(guard.fingerprint(Map.of(a, "1", b, Guard.NO_SNAPSHOT)));
        assertThat(Guard.of("SELECT 2", ImmutableList.of(a, b), a).fingerprint(Map.of(a, "1", b, "2"))).isNotEqualTo(fingerprint);
        assertThat(guard.inputs()).extracting(Guard.Input::snapshotQuery).containsExactly(TrinoQueries.latestSnapshot(a), TrinoQueries.latestSnapshot(b));
    }

    @Test
    void hubLoadIsGuardedByItsInputsAndRecordsItsFingerprintLast()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        ModelPlan hub = new TrinoCompiler(project).compile().model("hub_customer");

        assertThat(hub.steps()).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("SkipWhenUnchanged", "Execute", "Execute", "RecordFingerprint");
        Guard guard = hub.guard().orElseThrow();
        assertThat(guard.definition()).isEqualTo(String.join("\n;\n", hub.statements().stream().map(Statement::sql).toList()));
        assertThat(guard.inputTables()).extracting(TableName::table).containsExactly("customers");
        Step.RecordFingerprint record = (Step.RecordFingerprint) hub.steps().getLast();
        assertThat(record.recompute()).isFalse();
        assertThat(record.statement().sql())
                .startsWith("COMMENT ON TABLE \"iceberg\".\"silver\".\"hub_customer\" IS 'vault hub hub_customer, models/customers.yml:")
                .endsWith("; vault fingerprint ${fingerprint}'");
        assertThat(hub.table()).isPresent();
        assertThat(hub.queries().columns()).isEqualTo(TrinoQueries.columnsOf(hub.target()));
    }

    @Test
    void compileCreatesOnlyTheSchemasModelsWriteTo()
    {
        Plan plan = new TrinoCompiler(exampleProject()).compile();

        assertThat(plan.schemas()).extracting(Statement::sql).startsWith(
                "CREATE SCHEMA IF NOT EXISTS \"iceberg\".\"silver\"\n",
                "CREATE SCHEMA IF NOT EXISTS \"iceberg\".\"gold\"\n");
        // sat_pessoa_detalhes sets payload conflicts aside, so the rejected table is made up front
        assertThat(plan.schemas()).extracting(Statement::kind).containsExactly(Statement.Kind.SCHEMA, Statement.Kind.SCHEMA, Statement.Kind.CREATE_TABLE);
        assertThat(plan.schemas().get(2).target()).hasToString("iceberg.silver.vault_rejected_rows");
        assertThat(plan.model("crm_activecampaign_contacts").statements()).isEmpty();
        assertThatThrownBy(() -> plan.model("hub_nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub_nope");
    }

    @Test
    void bronzeSchemaUsesTheConfiguredSchema()
    {
        Project project = FixtureProject.in(directory)
                .config("catalog: lake\nschemas: { bronze: raw }\n")
                .file("models/customers.yml", FixtureProject.CUSTOMERS)
                .load();

        Statement schema = new TrinoCompiler(project).bronzeSchema();
        assertThat(schema.sql()).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"lake\".\"raw\"\n");
        assertThat(stageSql(project)).contains("FROM \"lake\".\"raw\".\"customers\"");
    }

    @Test
    void martInputsAreTheAncestorTablesButNotTheStagingViews()
    {
        Project project = exampleProject();
        ImmutableList<TableName> inputs = new TrinoCompiler(project).compile().model("mart_leads_unificados").guard().orElseThrow().inputTables();

        // with the identity hub's records map and same-as link: a merge writes only those
        assertThat(inputs).extracting(TableName::toString).containsExactly(
                "iceberg.bronze.crm_activecampaign_contacts",
                "iceberg.bronze.facebook_ads_leads",
                "iceberg.bronze.google_ads_leads",
                "iceberg.silver.hub_pessoa",
                "iceberg.silver.hub_pessoa_records",
                "iceberg.silver.sal_pessoa",
                "iceberg.silver.hub_produtor",
                "iceberg.silver.sat_pessoa_detalhes");
        assertThat(inputs).extracting(TableName::table).noneMatch(table -> table.startsWith("stg_"));
    }

    @Test
    void martInputsLookThroughViewMarts()
    {
        String models = FixtureProject.CUSTOMERS + """
                  - name: mart_top
                    sql: "SELECT * FROM {{ ref('mart_customers') }}"
                """;
        Project project = FixtureProject.in(directory).file("models/customers.yml", models).load();

        assertThat(new TrinoCompiler(project).compile().model("mart_top").guard().orElseThrow().inputTables())
                .extracting(TableName::table)
                .containsExactly("customers", "hub_customer");
    }

    @Test
    void integrityTestsOfTheExampleProject()
    {
        ImmutableList<DataTest> tests = new TrinoCompiler(exampleProject()).integrityTests();

        assertThat(tests).extracting(DataTest::name).containsExactly(
                "hub_pessoa.unique(hk_pessoa)",
                "hub_pessoa.business_key_not_null(founding_record)",
                "hub_produtor.unique(hk_produtor)",
                "hub_produtor.business_key_not_null(producer_id)",
                "link_pessoa_produtor.unique(hk_pessoa_produtor)",
                "link_pessoa_produtor.hk_pessoa in hub_pessoa",
                "link_pessoa_produtor.hk_produtor in hub_produtor",
                "sat_pessoa_detalhes.unique(hk_pessoa, identity_record, load_datetime)",
                "sat_pessoa_detalhes.hk_pessoa in hub_pessoa",
                "sat_pessoa_detalhes.hashdiff_changes(hk_pessoa, identity_record)",
                "sat_pessoa_detalhes.ghost_record",
                "sat_pessoa_detalhes.no_conflicting_payloads",
                "control_snapshots.unique(snapshot_datetime)");
        // a set-aside conflict warns by default (loading: conflicts-severity): the rest of the batch loaded
        assertThat(tests).filteredOn(test -> !test.name().endsWith(".no_conflicting_payloads")).extracting(DataTest::severity).containsOnly(DeclaredTest.Severity.ERROR);
        assertThat(tests).filteredOn(test -> test.name().endsWith(".no_conflicting_payloads")).extracting(DataTest::severity).containsOnly(DeclaredTest.Severity.WARN);

        DataTest unique = tests.get(7);
        assertThat(unique.description()).isEqualTo("one row per key and load_datetime");
        assertThat(unique.sql()).isEqualTo("""
                -- vault test: sat_pessoa_detalhes.unique(hk_pessoa, identity_record, load_datetime)
                -- one row per key and load_datetime
                SELECT "hk_pessoa", "identity_record", "load_datetime", count(*) AS occurrences
                FROM "iceberg"."silver"."sat_pessoa_detalhes"
                GROUP BY "hk_pessoa", "identity_record", "load_datetime"
                HAVING count(*) > 1
                """);

        DataTest relationship = tests.get(6);
        assertThat(relationship.description()).isEqualTo("every hk_produtor of link_pessoa_produtor is a key of hub_produtor");
        assertThat(relationship.sql()).isEqualTo("""
                -- vault test: link_pessoa_produtor.hk_produtor in hub_produtor
                -- every hk_produtor of link_pessoa_produtor is a key of hub_produtor
                SELECT child.*
                FROM "iceberg"."silver"."link_pessoa_produtor" AS child
                WHERE child."hk_produtor" IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1
                      FROM "iceberg"."silver"."hub_produtor" AS parent
                      WHERE parent."hk_produtor" = child."hk_produtor")
                """);
        assertThat(tests).allSatisfy(test -> assertThat(test.sql()).startsWith("-- vault test: " + test.name() + "\n").doesNotContain(";"));
    }

    @Test
    void declaredTestsCompileToQueriesSelectingTheFailingRows()
    {
        String models = FixtureProject.CUSTOMERS.replace("""
                      - { name: country, type: varchar }
                """, """
                      - name: country
                        type: varchar
                        tests:
                          - not_null: { where: "customer_id <> 'test'" }
                          - accepted_values: { values: [BR, "it's"], severity: warn }
                          - unique
                      - { name: score, type: integer, tests: [{ accepted_values: { values: [1, 2], quote: false } }] }
                """).replace("""
                    sources: [stg_customers]
                satellites:
                """, """
                    sources: [stg_customers]
                    tests:
                      - relationships: { column: customer_id, to: stg_customers }
                      - unique: { columns: [customer_id, country] }
                      - expression: "length(customer_id) > 2"
                satellites:
                """);
        Project project = FixtureProject.in(directory).file("models/customers.yml", models).load();
        ImmutableList<DataTest> tests = new TrinoCompiler(project).declaredTests();

        assertThat(tests).extracting(DataTest::name).containsExactly(
                "customers.not_null(country)",
                "customers.accepted_values(country)",
                "customers.unique(country)",
                "customers.accepted_values(score)",
                "hub_customer.relationships(customer_id -> stg_customers.customer_id)",
                "hub_customer.unique(customer_id, country)",
                "hub_customer.expression(length(customer_id) > 2)");
        assertThat(tests).extracting(DataTest::severity).containsExactly(
                DeclaredTest.Severity.ERROR, DeclaredTest.Severity.WARN, DeclaredTest.Severity.ERROR, DeclaredTest.Severity.ERROR,
                DeclaredTest.Severity.ERROR, DeclaredTest.Severity.ERROR, DeclaredTest.Severity.ERROR);
        assertThat(tests.get(0).sql()).endsWith("""
                SELECT *
                FROM "iceberg"."bronze"."customers"
                WHERE (customer_id <> 'test')
                  AND "country" IS NULL
                """);
        assertThat(tests.get(1).sql()).endsWith("""
                WHERE "country" NOT IN ('BR', 'it''s')
                """);
        assertThat(tests.get(2).sql()).endsWith("""
                SELECT "country", count(*) AS occurrences
                FROM "iceberg"."bronze"."customers"
                WHERE "country" IS NOT NULL
                GROUP BY "country"
                HAVING count(*) > 1
                """);
        assertThat(tests.get(3).sql()).endsWith("""
                WHERE "score" NOT IN (1, 2)
                """);
        assertThat(tests.get(4).sql()).contains("""
                FROM "iceberg"."silver"."hub_customer" AS child
                WHERE child."customer_id" IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1
                      FROM "iceberg"."silver"."stg_customers" AS parent
                      WHERE parent."customer_id" = child."customer_id")
                """);
        assertThat(tests.get(6).sql()).isEqualTo("""
                -- vault test: hub_customer.expression(length(customer_id) > 2)
                -- length(customer_id) > 2 holds for every row of hub_customer (models/customers.yml:35:9)
                -- The expression is the model's SQL, run as written; a row where it is false or null fails.
                SELECT *
                FROM "iceberg"."silver"."hub_customer"
                WHERE NOT coalesce((length(customer_id) > 2), false)
                """);
    }

    @Test
    void testsWithOneNameAreNumbered()
    {
        String models = FixtureProject.CUSTOMERS.replace("""
                    sources: [stg_customers]
                satellites:
                """, """
                    sources: [stg_customers]
                    tests:
                      - unique: { column: hk_customer }
                      - unique: { column: hk_customer, where: "country = 'BR'" }
                satellites:
                """);
        Project project = FixtureProject.in(directory).file("models/customers.yml", models).load();

        assertThat(new TrinoCompiler(project).dataTests()).extracting(DataTest::name)
                .filteredOn(name -> name.startsWith("hub_customer.unique"))
                .containsExactly("hub_customer.unique(hk_customer)", "hub_customer.unique(hk_customer) #2", "hub_customer.unique(hk_customer) #3");
    }

    @Test
    void seedFingerprintRoundTripsThroughTheTableComment()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        TrinoCompiler compiler = new TrinoCompiler(project);
        Statement statement = compiler.seed(seed(project, row("c1", "BR", "a@x.com", "2026-11-01 03:00:00 UTC")));

        Optional<String> fromStatement = TrinoCompiler.fingerprint(statement);
        assertThat(fromStatement).get().asString().matches("[0-9a-f]{64}");
        String comment = comment(statement);
        assertThat(comment).startsWith("Seeded by vault from seeds/customers.csv; vault fingerprint ");
        assertThat(TrinoCompiler.fingerprint(comment)).isEqualTo(fromStatement);

        // the same rows give the same fingerprint; other rows another one
        assertThat(TrinoCompiler.fingerprint(compiler.seed(seed(project, row("c1", "BR", "a@x.com", "2026-11-01 03:00:00 UTC")))))
                .isEqualTo(fromStatement);
        assertThat(TrinoCompiler.fingerprint(compiler.seed(seed(project, row("c1", "BR", "b@x.com", "2026-11-01 03:00:00 UTC")))))
                .isPresent()
                .isNotEqualTo(fromStatement);

        // the same rows read from another folder: the table is unchanged, so is its fingerprint
        Seed elsewhere = new Seed(project.model("customers", Source.class), ImmutableList.of(Path.of("other/batch_2/customers.csv")),
                ImmutableList.of(row("c1", "BR", "a@x.com", "2026-11-01 03:00:00 UTC")));
        Statement moved = compiler.seed(elsewhere);
        assertThat(comment(moved)).startsWith("Seeded by vault from other/batch_2/customers.csv; vault fingerprint ");
        assertThat(TrinoCompiler.fingerprint(moved)).isEqualTo(fromStatement);
    }

    @Test
    void fingerprintOfCommentsWithoutOrWithSeveralMarks()
    {
        assertThat(TrinoCompiler.fingerprint((String) null)).isEmpty();
        assertThat(TrinoCompiler.fingerprint("")).isEmpty();
        assertThat(TrinoCompiler.fingerprint("a table somebody else made")).isEmpty();
        assertThat(TrinoCompiler.fingerprint("says '; vault fingerprint x' in its description; vault fingerprint abc123")).contains("abc123");
    }

    @Test
    void fingerprintOfAStatementWithoutOne()
    {
        Statement statement = new Statement("m", Statement.Kind.VIEW, new TableName("iceberg", "gold", "m"), "CREATE OR REPLACE VIEW x AS SELECT 1");
        assertThat(TrinoCompiler.fingerprint(statement)).isEmpty();
    }

    @Test
    void seedWithoutRowsSelectsNothing()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        Statement statement = new TrinoCompiler(project).seed(seed(project));

        assertThat(statement.kind()).isEqualTo(Statement.Kind.REPLACE);
        assertThat(statement.target()).isEqualTo(new TableName("iceberg", "bronze", "customers"));
        assertThat(statement.sql())
                .contains("(0 rows)")
                .contains("CREATE OR REPLACE TABLE \"iceberg\".\"bronze\".\"customers\"")
                .contains("CAST(\"loaded_at\" AS timestamp(6) with time zone) AS \"loaded_at\"")
                .contains("        (NULL, NULL, NULL, NULL)\n")
                .contains(") AS seed (\"customer_id\", \"country\", \"email\", \"loaded_at\")\nWHERE false\n");
        assertThat(TrinoCompiler.fingerprint(statement)).isPresent();
    }

    @Test
    void seedValuesAreLiteralsWithQuotesDoubledAndEmptyValuesNull()
    {
        Project project = FixtureProject.in(directory).file("models/customers.yml", FixtureProject.CUSTOMERS).load();
        Statement statement = new TrinoCompiler(project).seed(seed(project,
                row("c1", "BR", "o'hara@x.com", "2026-11-01 03:00:00 UTC"),
                row("x'); DROP TABLE t; --", null, null, "2026-11-01 03:00:00 UTC")));

        assertThat(statement.sql())
                .contains("(2 rows)")
                .contains("        ('c1', 'BR', 'o''hara@x.com', '2026-11-01 03:00:00 UTC'),\n")
                .contains("        ('x''); DROP TABLE t; --', NULL, NULL, '2026-11-01 03:00:00 UTC')\n")
                .doesNotContain("WHERE false");
    }

    @Test
    void modelSqlIsCopiedVerbatimWithoutTemplateProcessingOrEscaping()
    {
        String models = FixtureProject.CUSTOMERS
                .replace("email_clean: \"lower(trim(email))\"", "email_clean: \"CASE WHEN length(email) < 3 AND email <> '${x}' THEN '<#if>&amp;' ELSE lower(trim(email)) END\"")
                .replace("WHERE country = 'BR';", "WHERE country <> '${country}' AND customer_id > 'a&b'");
        Project project = FixtureProject.in(directory).file("models/customers.yml", models).load();
        Plan plan = new TrinoCompiler(project).compile();

        assertThat(plan.model("stg_customers").statements().getFirst().sql())
                .contains("CASE WHEN length(email) < 3 AND email <> '${x}' THEN '<#if>&amp;' ELSE lower(trim(email)) END AS \"email_clean\"");
        assertThat(plan.model("mart_customers").statements().getFirst().sql())
                .endsWith("WHERE country <> '${country}' AND customer_id > 'a&b'\n");
    }

    @Test
    void seedOfAHeaderOnlyCsvFileSelectsNothing()
            throws IOException
    {
        Project project = FixtureProject.in(directory)
                .file("models/customers.yml", FixtureProject.CUSTOMERS)
                .file("seeds/customers.csv", "customer_id,country,email,loaded_at\n")
                .load();
        List<Seed> seeds = SeedReader.read(project, List.of(Path.of("seeds")));

        assertThat(seeds).singleElement().satisfies(seed -> assertThat(seed.rows()).isEmpty());
        Statement statement = new TrinoCompiler(project).seed(seeds.getFirst());
        assertThat(statement.sql())
                .contains("-- Replaces the table's content with the rows of seeds/customers.csv (0 rows), in one atomic replace.")
                .contains("COMMENT 'Seeded by vault from seeds/customers.csv; vault fingerprint ")
                .endsWith("\nWHERE false\n");
    }

    private static Project exampleProject()
    {
        return ProjectLoader.load(Path.of(".."), TrinoDialect.INSTANCE);
    }

    private static String stageSql(Project project)
    {
        List<Statement> statements = new TrinoCompiler(project).compile().model("stg_customers").statements();
        assertThat(statements).hasSize(1);
        assertThat(statements.getFirst().kind()).isEqualTo(Statement.Kind.VIEW);
        return statements.getFirst().sql();
    }

    private static String between(String text, String start, String end)
    {
        int from = text.indexOf(start);
        assertThat(from).as("'%s' in:%n%s", start, text).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("'%s' after '%s' in:%n%s", end, start, text).isNotNegative();
        return text.substring(from, to);
    }

    /** The table comment a statement writes, as the engine would return it. */
    private static String comment(Statement statement)
    {
        Matcher matcher = Pattern.compile("(?m)^COMMENT '((?:[^']|'')*)'$").matcher(statement.sql());
        assertThat(matcher.find()).as("COMMENT in:%n%s", statement.sql()).isTrue();
        return matcher.group(1).replace("''", "'");
    }

    private static Seed.Row row(String... values)
    {
        return new Seed.Row(new Location(Path.of("seeds/customers.csv"), 2, 1),
                Arrays.stream(values).map(Optional::ofNullable).collect(ImmutableList.toImmutableList()));
    }

    private static Seed seed(Project project, Seed.Row... rows)
    {
        return new Seed(project.model("customers", Source.class), ImmutableList.of(Path.of("seeds/customers.csv")), ImmutableList.copyOf(rows));
    }
}
