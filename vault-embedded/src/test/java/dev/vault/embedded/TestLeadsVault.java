package dev.vault.embedded;

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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            assertThat(run.model("hub_pessoa").rowsWritten()).hasValue(83);
            assertThat(run.model("link_pessoa_produtor").rowsWritten()).hasValue(87);
            assertThat(run.model("mart_leads_unificados").status()).isEqualTo(ModelResult.Status.SUCCESS);

            assertThat(count(vault, silver + ".hub_pessoa")).isEqualTo(83);
            assertThat(count(vault, silver + ".link_pessoa_produtor")).isEqualTo(87);
            assertThat(count(vault, silver + ".hub_produtor")).isEqualTo(
                    count(vault, "(SELECT DISTINCT producer_id FROM iceberg.bronze_leads.crm_activecampaign_contacts UNION SELECT producer_id FROM iceberg.bronze_leads.facebook_ads_leads UNION SELECT producer_id FROM iceberg.bronze_leads.google_ads_leads)"));
            assertThat(count(vault, gold + ".mart_leads_unificados")).isEqualTo(87);

            assertThat(history(vault, "joao.silva82@gmail.com")).containsExactly("2026-11-01 03:00:00.000000 UTC activecampaign Joao Silva 11991234567");
            assertThat(history(vault, "renata.quintao@gmail.com")).containsExactly("2026-11-01 03:10:00.000000 UTC google_ads Renata Quintão null");
            // the same person in three sources, differently cased: one hub key, first seen in the CRM
            assertThat(rows(vault, "SELECT load_datetime, record_source FROM " + silver + ".hub_pessoa WHERE person_key = 'maria.souza@gmail.com'"))
                    .containsExactly("2026-11-01 03:00:00.000000 UTC activecampaign");
            assertThat(rows(vault, "SELECT registros_origem, origens FROM " + gold + ".mart_leads_unificados WHERE chave_pessoa = 'maria.souza@gmail.com'"))
                    .containsExactly("3 activecampaign, facebook_ads, google_ads");
            // phone-only leads in different formats are one person
            assertThat(rows(vault, "SELECT origens FROM " + gold + ".mart_leads_unificados WHERE chave_pessoa = '21998123344'"))
                    .hasSize(1);

            assertThat(vault.test().successful()).isTrue();
        }
    }

    @Test
    @Order(2)
    void secondBatchLoadsIncrementally()
    {
        try (Vault vault = vault(project.resolve("examples/leads/batch_1"), project.resolve("examples/leads/batch_2"))) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("hub_pessoa").rowsWritten()).hasValue(106 - 83);
            assertThat(run.model("link_pessoa_produtor").rowsWritten()).hasValue(111 - 87);

            assertThat(count(vault, silver + ".hub_pessoa")).isEqualTo(106);
            assertThat(count(vault, silver + ".link_pessoa_produtor")).isEqualTo(111);
            assertThat(count(vault, gold + ".mart_leads_unificados")).isEqualTo(111);

            // changed details add a version; the hub keeps the first-seen load time
            assertThat(history(vault, "joao.silva82@gmail.com")).containsExactly(
                    "2026-11-01 03:00:00.000000 UTC activecampaign Joao Silva 11991234567",
                    "2026-11-02 03:00:00.000000 UTC activecampaign João da Silva 11991234567");
            assertThat(rows(vault, "SELECT load_datetime FROM " + silver + ".hub_pessoa WHERE person_key = 'joao.silva82@gmail.com'"))
                    .containsExactly("2026-11-01 03:00:00.000000 UTC");
            assertThat(history(vault, "renata.quintao@gmail.com")).containsExactly(
                    "2026-11-01 03:10:00.000000 UTC google_ads Renata Quintão null",
                    "2026-11-02 03:10:00.000000 UTC google_ads Renata Quintão 48991112233");
            // a repeated lead with the same details adds no version
            assertThat(history(vault, "conceicao.araujo@uol.com.br")).hasSize(1);

            assertThat(rows(vault, "SELECT nome, telefone, registros_origem FROM " + gold + ".mart_leads_unificados WHERE chave_pessoa = 'joao.silva82@gmail.com'"))
                    .containsExactly("João da Silva 11991234567 2");
            assertThat(rows(vault, "SELECT registros_origem, origens FROM " + gold + ".mart_leads_unificados WHERE chave_pessoa = 'maria.souza@gmail.com'"))
                    .containsExactly("4 activecampaign, facebook_ads, google_ads");

            TestResult tests = vault.test();
            assertThat(tests.failures()).isEmpty();
            assertThat(tests.tests()).hasSize(7);
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
            assertThat(run.model("mart_leads_unificados").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);

            assertThat(snapshots(vault)).isEqualTo(before);
        }
    }

    @Test
    @Order(4)
    void incrementalLoadsEqualOneLoadOfEverything()
    {
        Path oneShot = TestingProjects.copyExample(temp.resolve("one-shot"), "leads_once");
        try (Vault incremental = vault(project.resolve("examples/leads/batch_1"));
                Vault once = TestingVaultEngine.configure(oneShot).load()) {
            assertThat(once.seed().successful()).isTrue();
            assertThat(once.run().failures()).isEmpty();
            for (String table : SILVER_TABLES) {
                String columns = table.startsWith("sat") ? "hk_pessoa, load_datetime, record_source, hd_pessoa_detalhes, nome, email_normalizado, telefone" : "*";
                assertThat(rows(once, "SELECT " + columns + " FROM iceberg.silver_leads_once." + table))
                        .as(table)
                        .containsExactlyInAnyOrderElementsOf(rows(incremental, "SELECT " + columns + " FROM " + silver + "." + table));
            }
            assertThat(rows(once, "SELECT * FROM iceberg.gold_leads_once.mart_leads_unificados"))
                    .containsExactlyInAnyOrderElementsOf(rows(incremental, "SELECT * FROM " + gold + ".mart_leads_unificados"));
        }
    }

    private Vault vault(Path... seedPaths)
    {
        return TestingVaultEngine.configure(project).seedPaths(List.of(seedPaths)).load();
    }

    private Map<String, Long> snapshots(Vault vault)
    {
        Map<String, Long> snapshots = SILVER_TABLES.stream().collect(Collectors.toMap(table -> table, vault::snapshotCount));
        snapshots.put("mart_leads_unificados", vault.snapshotCount("mart_leads_unificados"));
        snapshots.put("crm_activecampaign_contacts", vault.snapshotCount("crm_activecampaign_contacts"));
        return snapshots;
    }

    private List<String> history(Vault vault, String personKey)
    {
        return rows(vault, "SELECT s.load_datetime, s.record_source, s.nome, s.telefone FROM " + silver + ".sat_pessoa_detalhes s "
                + "JOIN " + silver + ".hub_pessoa h ON h.hk_pessoa = s.hk_pessoa WHERE h.person_key = '" + personKey + "' ORDER BY s.load_datetime");
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
