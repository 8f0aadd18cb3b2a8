package dev.vault.embedded;

import dev.vault.runner.ModelResult;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolbox example (every entity kind, docs/entity-kinds.md) on the embedded engine: batch 1,
 * then batch 2 incrementally, checked row by row against what the CSV files say should happen;
 * then a re-run that writes no snapshot anywhere; then a model change the tables cannot take.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestToolboxVault
{
    private static final String ZERO = "0".repeat(64);
    private static final List<String> TABLES = List.of("ref_country", "hub_customer", "hub_product", "hub_manager", "link_customer_manager", "sal_customer",
            "link_order_line", "sat_customer", "sat_product", "msat_customer_address", "esat_customer_manager", "rts_product_catalog", "mart_customer_orders");

    @TempDir
    static Path temp;

    private Path project;
    private final String silver = "iceberg.shop_silver_kinds";

    @BeforeAll
    void copyProject()
    {
        project = TestingProjects.copyToolbox(temp.resolve("toolbox"), "kinds");
    }

    @Test
    @Order(1)
    void firstBatch()
    {
        try (Vault vault = vault(project.resolve("seeds/batch_1"))) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();

            // a hub's first load runs its plan's statements, then reads the snapshot it committed and
            // writes the fingerprint: the guard and the new table's state come from the run's metadata
            ModelResult hub = run.model("hub_customer");
            assertThat(hub.execution().statements()).isEqualTo(vault.plan().model("hub_customer").statements().size() + 2);
            assertThat(hub.execution().engine()).isPositive().isLessThanOrEqualTo(hub.duration());
            assertThat(hub.execution().cpu()).isPositive();
            assertThat(run.execution().statements()).isEqualTo(run.setup().statements() + run.models().stream().mapToLong(model -> model.execution().statements()).sum());

            // every satellite with a payload holds its ghost record, and only one
            for (String satellite : List.of("sat_customer", "sat_product", "msat_customer_address")) {
                assertThat(rows(vault, "SELECT record_source FROM %s.%s WHERE load_datetime = TIMESTAMP '0001-01-01 00:00:00 UTC'".formatted(silver, satellite)))
                        .as(satellite).containsExactly("SYSTEM");
            }
            assertThat(rows(vault, "SELECT customer_id || ' ' || address_type || ' ' || street FROM %s.msat_customer_address sat JOIN %s.hub_customer hub ON hub.hk_customer = sat.hk_customer"
                    .formatted(silver, silver))).containsExactlyInAnyOrder("C001 home Rua A 10", "C001 work Av. Paulista 1000", "C002 home Rua B 20");
            assertThat(rows(vault, managers())).containsExactlyInAnyOrder(
                    "C001 M01 2026-11-01 true", "C002 M01 2026-11-01 true", "C003 M01 2026-11-01 true", "C004 M02 2026-11-01 true", "C005 M02 2026-11-01 true");
            assertThat(rows(vault, catalog())).containsExactlyInAnyOrder("P001 2026-11-01 true", "P002 2026-11-01 true", "P003 2026-11-01 true", "P004 2026-11-01 true");
        }
    }

    @Test
    @Order(2)
    void secondBatchIsLoadedIncrementally()
    {
        try (Vault vault = vault(project.resolve("seeds/batch_1"), project.resolve("seeds/batch_2"))) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();

            // multi-active: C001's set is unchanged; C002's changed, so its whole new set is inserted
            assertThat(run.model("msat_customer_address").rowsWritten()).hasValue(2);
            assertThat(rows(vault, "SELECT customer_id || ' ' || address_type || ' ' || street || ' ' || CAST(CAST(sat.load_datetime AS date) AS varchar) FROM %s.msat_customer_address sat JOIN %s.hub_customer hub ON hub.hk_customer = sat.hk_customer"
                    .formatted(silver, silver))).containsExactlyInAnyOrder(
                    "C001 home Rua A 10 2026-11-01", "C001 work Av. Paulista 1000 2026-11-01", "C002 home Rua B 20 2026-11-01",
                    "C002 home Rua C 30 2026-11-08", "C002 billing Caixa Postal 5 2026-11-08");
            // effectivity: C003 moved from M01 to M02 (the old link ends, the new one starts); C006 is new
            assertThat(rows(vault, managers())).containsExactlyInAnyOrder(
                    "C001 M01 2026-11-01 true", "C002 M01 2026-11-01 true", "C003 M01 2026-11-01 true", "C004 M02 2026-11-01 true", "C005 M02 2026-11-01 true",
                    "C003 M01 2026-11-08 false", "C003 M02 2026-11-08 true", "C006 M02 2026-11-08 true");
            // record tracking: P003 is missing from the second full extract, P005 appears
            assertThat(rows(vault, catalog())).containsExactlyInAnyOrder(
                    "P001 2026-11-01 true", "P002 2026-11-01 true", "P003 2026-11-01 true", "P004 2026-11-01 true", "P003 2026-11-08 false", "P005 2026-11-08 true");
            // non-historized link: one row per order line; the line sent again in batch 2 is not a new event
            assertThat(rows(vault, "SELECT order_id || '/' || CAST(line_no AS varchar) || ' ' || CAST(amount AS varchar) FROM %s.link_order_line".formatted(silver)))
                    .containsExactlyInAnyOrder("O1001/1 199.90", "O1001/2 39.80", "O1002/1 49.90", "O1003/1 199.90", "O1004/1 14.70", "O1004/2 39.90", "O1005/1 9.90");
            // same-as link: C004 is a duplicate of C001
            assertThat(rows(vault, "SELECT master.customer_id || ' <- ' || duplicate.customer_id FROM %s.sal_customer sal JOIN %s.hub_customer master ON master.hk_customer = sal.hk_customer_master JOIN %s.hub_customer duplicate ON duplicate.hk_customer = sal.hk_customer_duplicate"
                    .formatted(silver, silver, silver))).containsExactly("C001 <- C004");
            // reference table: history per code, the current view the latest row
            assertThat(rows(vault, "SELECT country_code || ' ' || country_name FROM %s.ref_country".formatted(silver)))
                    .containsExactlyInAnyOrder("BR Brasil", "PT Portugal", "US United States", "US United States of America");
            assertThat(rows(vault, "SELECT country_code || ' ' || country_name FROM %s.ref_country_current".formatted(silver)))
                    .containsExactlyInAnyOrder("BR Brasil", "PT Portugal", "US United States of America");
            // end-dated and current views: Bruno's first name ends when the second starts; no ghost
            assertThat(rows(vault, "SELECT full_name || ' ' || CAST(CAST(load_end_datetime AS date) AS varchar) || ' ' || CAST(is_current AS varchar) FROM %s.sat_customer_end_dated WHERE email_clean = 'bruno@example.com'"
                    .formatted(silver))).containsExactlyInAnyOrder("Bruno Lima 2026-11-08 false", "Bruno Lima Costa 9999-12-31 true");
            assertThat(rows(vault, "SELECT count(*) FROM %s.sat_customer_current WHERE hk_customer = '%s'".formatted(silver, ZERO))).containsExactly("0");
            assertThat(rows(vault, "SELECT count(*) FROM %s.sat_customer_current".formatted(silver))).containsExactly("6");
            assertThat(rows(vault, "SELECT customer_id || ' ' || account_manager_id || ' ' || CAST(order_lines AS varchar) FROM iceberg.shop_gold_kinds.mart_customer_orders"))
                    .containsExactlyInAnyOrder("C001 M01 3", "C002 M01 1", "C003 M02 1", "C004 M02 0", "C005 M02 0", "C006 M02 2");

            TestResult tests = vault.test();
            assertThat(tests.failures()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void rerunWithTheSameInputWritesNoSnapshot()
    {
        try (Vault vault = vault(project.resolve("seeds/batch_1"), project.resolve("seeds/batch_2"))) {
            Map<String, Long> before = snapshots(vault);
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.rowsWritten()).isZero();
            assertThat(snapshots(vault)).isEqualTo(before);

            // the run's metadata, read once, answers every guard: an up-to-date model asks nothing
            assertThat(run.models().stream().filter(model -> model.status() == ModelResult.Status.UP_TO_DATE))
                    .isNotEmpty()
                    .allSatisfy(model -> assertThat(model.execution().statements()).as(model.model()).isZero());
            // schemas, the run lock, one query for the tables and their comments, one for their snapshots
            assertThat(run.setup().statements()).isEqualTo(vault.plan().schemas().size() + 1 + 2);
        }
    }

    @Test
    @Order(4)
    void newPayloadColumnEvolvesTheTableAndKeepsHashdiffs()
            throws Exception
    {
        Path staging = project.resolve("models/staging.yml");
        Path vaultModels = project.resolve("models/vault.yml");
        TestingProjects.write(staging, Files.readString(staging)
                .replace("  - name: stg_product_catalog\n    source: product_catalog\n",
                        "  - name: stg_product_catalog\n    source: product_catalog\n    derived-columns:\n      discount_note: \"CAST(NULL AS varchar)\"\n")
                .replace("hd_product: [title, price]", "hd_product: [title, price, discount_note]"));
        TestingProjects.write(vaultModels, Files.readString(vaultModels).replace("payload: [title, price]", "payload: [title, price, discount_note]"));
        try (Vault vault = vault(project.resolve("seeds/batch_1"), project.resolve("seeds/batch_2"))) {
            List<String> before = rows(vault, "SELECT hk_product, load_datetime, hd_product FROM %s.sat_product ORDER BY 1, 2".formatted(silver));
            RunResult run = vault.run();
            assertThat(run.model("sat_product").status()).isEqualTo(ModelResult.Status.SUCCESS);
            assertThat(run.model("sat_product").detail()).isEqualTo("added column discount_note varchar; inserted 0 rows; read in full: the load's SQL changed since the last build");
            // the new column is null in every row, so no hashdiff changed and no version was added
            assertThat(rows(vault, "SELECT hk_product, load_datetime, hd_product FROM %s.sat_product ORDER BY 1, 2".formatted(silver))).isEqualTo(before);
            assertThat(rows(vault, "SELECT count(*) FROM %s.sat_product WHERE discount_note IS NOT NULL".formatted(silver))).containsExactly("0");
        }
    }

    @Test
    @Order(5)
    void changeThatWouldRewriteHistoryIsRefused()
            throws Exception
    {
        // the model now says price is an integer: Iceberg cannot narrow decimal(12,2) in place
        Path sources = project.resolve("models/sources.yml");
        TestingProjects.write(sources, Files.readString(sources).replace("{ name: price, type: \"decimal(12,2)\" }", "{ name: price, type: integer }"));
        try (Vault vault = vault(project.resolve("seeds/batch_1"), project.resolve("seeds/batch_2"))) {
            String before = rows(vault, "SELECT count(*) FROM %s.sat_product".formatted(silver)).getFirst();
            RunResult run = vault.run();
            ModelResult product = run.model("sat_product");
            assertThat(product.status()).isEqualTo(ModelResult.Status.FAILED);
            assertThat(product.error().orElseThrow())
                    .startsWith("satellite 'sat_product' (models/vault.yml:")
                    .contains("cannot follow the model without rewriting its history: column 'price' is decimal(12,2) in the table and integer in the model");
            // the other models go on (sat_customer's inputs did not change, so it has nothing to do)
            assertThat(run.model("sat_customer").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
            assertThat(rows(vault, "SELECT count(*) FROM %s.sat_product".formatted(silver))).containsExactly(before);
            assertThat(rows(vault, "SELECT data_type FROM iceberg.information_schema.columns WHERE table_schema = 'shop_silver_kinds' AND table_name = 'sat_product' AND column_name = 'price'"))
                    .containsExactly("decimal(12,2)");
        }
    }

    private static String managers()
    {
        return "SELECT customer.customer_id || ' ' || manager.account_manager_id || ' ' || CAST(CAST(eff.load_datetime AS date) AS varchar) || ' ' || CAST(eff.is_active AS varchar) "
                + "FROM iceberg.shop_silver_kinds.esat_customer_manager eff "
                + "JOIN iceberg.shop_silver_kinds.hub_customer customer ON customer.hk_customer = eff.hk_customer "
                + "JOIN iceberg.shop_silver_kinds.hub_manager manager ON manager.hk_manager = eff.hk_manager";
    }

    private static String catalog()
    {
        return "SELECT product.product_id || ' ' || CAST(CAST(rts.load_datetime AS date) AS varchar) || ' ' || CAST(rts.is_present AS varchar) "
                + "FROM iceberg.shop_silver_kinds.rts_product_catalog rts JOIN iceberg.shop_silver_kinds.hub_product product ON product.hk_product = rts.hk_product";
    }

    private Map<String, Long> snapshots(Vault vault)
    {
        Map<String, Long> snapshots = new LinkedHashMap<>();
        TABLES.forEach(table -> snapshots.put(table, vault.snapshotCount(table)));
        return snapshots;
    }

    private static List<String> rows(Vault vault, String sql)
    {
        return vault.query(sql).rows().stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .toList();
    }

    private Vault vault(Path... seedPaths)
    {
        return TestingVaultEngine.configure(project).seedPaths(List.of(seedPaths)).load();
    }
}
