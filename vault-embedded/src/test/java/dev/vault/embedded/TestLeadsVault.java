package dev.vault.embedded;

import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Stage;
import dev.vault.runner.ModelResult;
import dev.vault.runner.QueryResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.TestResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flagship example end to end on the embedded engine: batch 1 lands and is loaded, batch 2
 * lands with new, repeated and changed leads and is loaded incrementally, then a run with no new
 * data changes nothing. Expected person and pair counts were computed from the CSV files with an
 * independent script (see examples/leads/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestLeadsVault
{
    private static final List<String> SILVER_TABLES = List.of("hub_pessoa", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes");
    private static final List<String> IDENTITY_TABLES = List.of("hub_pessoa_records", "sal_pessoa", "hub_pessoa_junk_keys");

    @TempDir
    static Path temp;

    private Path project;
    private String silver;
    private String gold;

    @BeforeAll
    void copyProject()
    {
        project = TestingProjects.copyExample(temp.resolve("project"), "leads");
        silver = "iceberg.silver_leads";
        gold = "iceberg.gold_leads";
    }

    @Test
    @Order(1)
    void firstBatchLoadsEveryLayer()
    {
        try (Vault vault = vault(project.resolve("examples/leads/batch_1"))) {
            RunResult seeded = vault.seed();
            assertThat(seeded.successful()).isTrue();
            assertThat(seeded.rowsWritten()).isEqualTo(40 + 35 + 25);

            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("mart_leads_unificados").status()).isEqualTo(ModelResult.Status.SUCCESS);

            // the persons SQL resolved are exactly those the in-memory reference finds in the same records
            Set<Set<String>> persons = sqlPersons(vault);
            assertThat(persons).isEqualTo(referencePersons(vault));
            assertThat(count(vault, silver + ".hub_pessoa")).isEqualTo(persons.size());
            assertThat(run.model("hub_pessoa").rowsWritten()).hasValue(persons.size());
            assertThat(count(vault, silver + ".hub_pessoa_records")).isEqualTo(persons.stream().mapToInt(Set::size).sum());
            assertThat(count(vault, silver + ".hub_produtor")).isEqualTo(
                    count(vault, "(SELECT DISTINCT producer_id FROM iceberg.bronze_leads.crm_activecampaign_contacts UNION SELECT producer_id FROM iceberg.bronze_leads.facebook_ads_leads UNION SELECT producer_id FROM iceberg.bronze_leads.google_ads_leads)"));
            assertThat(count(vault, gold + ".mart_leads_unificados")).isEqualTo(count(vault, silver + ".link_pessoa_produtor"));

            assertThat(history(vault, "joao.silva82@gmail.com")).containsExactly("2026-11-01 03:00:00.000000 UTC activecampaign Joao Silva 11991234567");
            assertThat(history(vault, "renata.quintao@gmail.com")).containsExactly("2026-11-01 03:10:00.000000 UTC google_ads Renata Quintão null");
            // the same person in three sources, differently cased: one person, founded by its first record (the CRM's)
            assertThat(rows(vault, "SELECT load_datetime, record_source FROM " + silver + ".hub_pessoa WHERE hk_pessoa IN (SELECT hk_pessoa FROM "
                    + silver + ".sat_pessoa_detalhes WHERE email_normalizado = 'maria.souza@gmail.com')"))
                    .containsExactly("2026-11-01 03:00:00.000000 UTC activecampaign");
            assertThat(rows(vault, "SELECT registros_origem, origens FROM " + gold + ".mart_leads_unificados WHERE email = 'maria.souza@gmail.com'"))
                    .containsExactly("3 activecampaign, facebook_ads, google_ads");
            // phone-only leads in different formats, with the same name, are one person
            assertThat(rows(vault, "SELECT registros_origem FROM " + gold + ".mart_leads_unificados WHERE telefone = '21998123344'"))
                    .containsExactly("2");

            assertThat(vault.test().successful()).isTrue();
        }
    }

    @Test
    @Order(2)
    void secondBatchLoadsIncrementally()
    {
        try (Vault vault = vault(project.resolve("examples/leads/batch_1"), project.resolve("examples/leads/batch_2"))) {
            long personsBefore = count(vault, silver + ".hub_pessoa");
            long mariaVersions = count(vault, "(SELECT * FROM " + silver + ".sat_pessoa_detalhes WHERE email_normalizado = 'maria.souza@gmail.com')");
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();

            Set<Set<String>> persons = sqlPersons(vault);
            assertThat(persons).isEqualTo(referencePersons(vault));
            assertThat(run.model("hub_pessoa").rowsWritten()).hasValue(persons.size() - personsBefore);
            assertThat(count(vault, gold + ".mart_leads_unificados")).isEqualTo(count(vault, silver + ".link_pessoa_produtor"));

            // changed details add a version; the person keeps its first-seen load time
            assertThat(history(vault, "joao.silva82@gmail.com")).containsExactly(
                    "2026-11-01 03:00:00.000000 UTC activecampaign Joao Silva 11991234567",
                    "2026-11-02 03:00:00.000000 UTC activecampaign João da Silva 11991234567");
            assertThat(rows(vault, "SELECT load_datetime FROM " + silver + ".hub_pessoa WHERE hk_pessoa IN (SELECT hk_pessoa FROM "
                    + silver + ".sat_pessoa_detalhes WHERE email_normalizado = 'joao.silva82@gmail.com')"))
                    .containsExactly("2026-11-01 03:00:00.000000 UTC");
            assertThat(history(vault, "renata.quintao@gmail.com")).containsExactly(
                    "2026-11-01 03:10:00.000000 UTC google_ads Renata Quintão null",
                    "2026-11-02 03:10:00.000000 UTC google_ads Renata Quintão 48991112233");
            // a CRM contact exported again with the same details adds no version
            assertThat(count(vault, "(SELECT * FROM " + silver + ".sat_pessoa_detalhes WHERE email_normalizado = 'maria.souza@gmail.com')"))
                    .isEqualTo(mariaVersions);

            assertThat(rows(vault, "SELECT nome, telefone, registros_origem FROM " + gold + ".mart_leads_unificados WHERE email = 'joao.silva82@gmail.com'"))
                    .containsExactly("João da Silva 11991234567 2");
            assertThat(rows(vault, "SELECT registros_origem, origens FROM " + gold + ".mart_leads_unificados WHERE email = 'maria.souza@gmail.com'"))
                    .containsExactly("4 activecampaign, facebook_ads, google_ads");

            TestResult tests = vault.test();
            assertThat(tests.failures()).isEmpty();
            assertThat(tests.tests()).hasSize(33); // sat_pessoa_detalhes.no_conflicting_payloads among them
        }
    }

    @Test
    @Order(3)
    void rerunWithoutNewDataChangesNothing()
    {
        try (Vault vault = vault(project.resolve("examples/leads/batch_1"), project.resolve("examples/leads/batch_2"))) {
            Map<String, Long> before = snapshots(vault);

            RunResult seeded = vault.seed();
            assertThat(seeded.models()).allSatisfy(seed -> assertThat(seed.status()).isEqualTo(ModelResult.Status.UP_TO_DATE));
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            for (String table : SILVER_TABLES) {
                assertThat(run.model(table).rowsWritten()).as(table).hasValue(0);
            }
            // nothing new: every model is up to date, views included, and only the snapshot control
            // table's clock (is a snapshot due?) asks the engine anything beyond the run's setup
            assertThat(run.models()).allSatisfy(model -> assertThat(model.status()).as(model.model()).isEqualTo(ModelResult.Status.UP_TO_DATE));
            assertThat(run.model("stg_crm_contacts").detail()).isEqualTo("up to date (definition unchanged)");
            assertThat(run.models()).allSatisfy(model -> assertThat(model.execution().statements()).as(model.model())
                    .isEqualTo(model.model().equals("control_snapshots") ? 1 : 0));

            assertThat(snapshots(vault)).isEqualTo(before);
        }
    }

    @Test
    @Order(4)
    void incrementalLoadsEqualOneLoadOfEverythingInParallel()
    {
        Path oneShot = TestingProjects.copyExample(temp.resolve("one-shot"), "leads_once");
        try (Vault incremental = vault(project.resolve("examples/leads/batch_1"));
                Vault once = TestingVaultEngine.configure(oneShot).load()) {
            assertThat(once.seed().successful()).isTrue();
            // in parallel: independent models at once, each after the models it reads
            RunResult parallel = once.run(once.project().models().keySet(), 4);
            assertThat(parallel.failures()).isEmpty();
            assertThat(parallel.models()).extracting(ModelResult::model).containsExactlyElementsOf(
                    once.project().inBuildOrder().stream()
                            .filter(model -> model.kind() != ModelKind.SOURCE)
                            .map(Model::name)
                            .toList());
            for (String table : SILVER_TABLES) {
                String columns = table.startsWith("sat") ? "hk_pessoa, identity_record, load_datetime, record_source, hd_pessoa_detalhes, nome, email_normalizado, telefone" : "*";
                assertThat(rows(once, "SELECT " + columns + " FROM iceberg.silver_leads_once." + table))
                        .as(table)
                        .containsExactlyInAnyOrderElementsOf(rows(incremental, "SELECT " + columns + " FROM " + silver + "." + table));
            }
            for (String table : List.of("hub_pessoa_records", "sal_pessoa")) {
                assertThat(rows(once, "SELECT * FROM iceberg.silver_leads_once." + table))
                        .as(table)
                        .containsExactlyInAnyOrderElementsOf(rows(incremental, "SELECT * FROM " + silver + "." + table));
            }
            assertThat(rows(once, "SELECT * FROM iceberg.gold_leads_once.mart_leads_unificados"))
                    .containsExactlyInAnyOrderElementsOf(rows(incremental, "SELECT * FROM " + gold + ".mart_leads_unificados"));
        }
    }

    @Test
    @Order(5)
    void newPayloadColumnKeepsHistoryAndHashdiffs()
            throws Exception
    {
        // a new attribute of sat_pessoa_detalhes, staged by every source but known for no lead yet
        Path staging = project.resolve("models/staging/stg_leads.yml");
        String stages = Files.readString(staging);
        String withColumn = stages
                .replace("      lead_at: { sql: \"created_at\", type: \"timestamp(6) with time zone\" }\n",
                        "      lead_at: { sql: \"created_at\", type: \"timestamp(6) with time zone\" }\n      empresa: \"CAST(NULL AS varchar)\"\n")
                .replace("      lead_at: { sql: \"created_time\", type: \"timestamp(6) with time zone\" }\n",
                        "      lead_at: { sql: \"created_time\", type: \"timestamp(6) with time zone\" }\n      empresa: \"CAST(NULL AS varchar)\"\n")
                .replace("      lead_at: { sql: \"lead_submit_time\", type: \"timestamp(6) with time zone\" }\n",
                        "      lead_at: { sql: \"lead_submit_time\", type: \"timestamp(6) with time zone\" }\n      empresa: \"CAST(NULL AS varchar)\"\n")
                .replace("hd_pessoa_detalhes: [nome, email_normalizado, telefone]", "hd_pessoa_detalhes: [nome, email_normalizado, telefone, empresa]");
        TestingProjects.write(staging, withColumn);
        Path satellites = project.resolve("models/silver/satellites.yml");
        TestingProjects.write(satellites, Files.readString(satellites).replace("payload: [nome, email_normalizado, telefone]", "payload: [nome, email_normalizado, telefone, empresa]"));
        try (Vault vault = vault(project.resolve("examples/leads/batch_1"), project.resolve("examples/leads/batch_2"))) {
            assertThat(vault.project().model("stg_google_leads", Stage.class).hashdiffs().getFirst().columns()).contains("empresa");
            List<String> before = rows(vault, "SELECT hk_pessoa, identity_record, load_datetime, hd_pessoa_detalhes FROM " + silver + ".sat_pessoa_detalhes ORDER BY 1, 2, 3");
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("sat_pessoa_detalhes").detail()).isEqualTo("added column empresa varchar; inserted 0 rows; read in full: the load's SQL changed since the last build");
            assertThat(rows(vault, "SELECT hk_pessoa, identity_record, load_datetime, hd_pessoa_detalhes FROM " + silver + ".sat_pessoa_detalhes ORDER BY 1, 2, 3")).isEqualTo(before);
        }
    }

    private Vault vault(Path... seedPaths)
    {
        return TestingVaultEngine.configure(project).seedPaths(List.of(seedPaths)).load();
    }

    private Map<String, Long> snapshots(Vault vault)
    {
        Map<String, Long> snapshots = SILVER_TABLES.stream().collect(Collectors.toMap(table -> table, vault::snapshotCount));
        for (String table : IDENTITY_TABLES) {
            snapshots.put(table, count(vault, "iceberg.silver_leads.\"" + table + "$snapshots\""));
        }
        snapshots.put("mart_leads_unificados", vault.snapshotCount("mart_leads_unificados"));
        snapshots.put("crm_activecampaign_contacts", vault.snapshotCount("crm_activecampaign_contacts"));
        return snapshots;
    }

    /** The satellite rows of the person who has this email, over all its records. */
    private List<String> history(Vault vault, String email)
    {
        return rows(vault, "SELECT load_datetime, record_source, nome, telefone FROM " + silver + ".sat_pessoa_detalhes "
                + "WHERE hk_pessoa IN (SELECT hk_pessoa FROM " + silver + ".sat_pessoa_detalhes WHERE email_normalizado = '" + email + "') ORDER BY load_datetime, identity_record");
    }

    /** Persons as SQL resolved them: the sets of records that share a person. */
    private Set<Set<String>> sqlPersons(Vault vault)
    {
        Map<String, Set<String>> persons = new HashMap<>();
        for (List<Object> row : vault.query("SELECT identity_record, hk_pessoa FROM " + silver + ".hub_pessoa_resolved").rows()) {
            persons.computeIfAbsent((String) row.get(1), ignored -> new HashSet<>()).add((String) row.get(0));
        }
        return new HashSet<>(persons.values());
    }

    /** Persons as the in-memory unifier finds them in the same records, read from the staging views. */
    private Set<Set<String>> referencePersons(Vault vault)
    {
        List<IdentityUnifier.Lead> leads = new ArrayList<>();
        // each stage's 'identity:' columns, as models/staging/stg_leads.yml names them
        Map<String, String> identityColumns = Map.of(
                "stg_crm_contacts", "nome, email, phone",
                "stg_facebook_leads", "full_name, email, phone_number",
                "stg_google_leads", "full_name, email, phone_number");
        for (Map.Entry<String, String> stage : identityColumns.entrySet()) {
            for (List<Object> row : vault.query("SELECT identity_record, " + stage.getValue() + " FROM " + silver + "." + stage.getKey()).rows()) {
                leads.add(new IdentityUnifier.Lead((String) row.get(0), (String) row.get(1), (String) row.get(2), (String) row.get(3)));
            }
        }
        IdentityUnifier.Result result = new IdentityUnifier(new IdentityHasher(vault.project().config().identity())).unify(leads);
        Map<String, Set<String>> persons = new HashMap<>();
        result.personOf().forEach((record, person) -> persons.computeIfAbsent(person, ignored -> new HashSet<>()).add(record));
        return new HashSet<>(persons.values());
    }

    static long count(Vault vault, String relation)
    {
        return ((Number) vault.query("SELECT count(*) FROM " + relation + (relation.startsWith("(") ? " AS t" : "")).rows().getFirst().getFirst()).longValue();
    }

    static List<String> rows(Vault vault, String sql)
    {
        QueryResult result = vault.query(sql);
        return result.rows().stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .toList();
    }
}
