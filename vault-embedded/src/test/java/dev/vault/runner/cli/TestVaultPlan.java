package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.ModelResult;
import dev.vault.runner.PlanResult;
import dev.vault.runner.PlanResult.Action;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vault plan} on the toolbox example (every entity kind): on a fresh target it creates
 * everything, after a run it skips everything, after new bronze rows it loads what reads them,
 * after a new satellite column it alters that satellite and loads what reads it, and a change
 * the table cannot take is refused. Each time it writes nothing: the same tables, the same
 * snapshots, the same files in the target path; and the run that follows does what it said.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestVaultPlan
{
    private static final String SCHEMAS = "('shop_bronze_plan', 'shop_silver_plan', 'shop_gold_plan')";
    private static final String SILVER = "iceberg.shop_silver_plan";

    @TempDir
    static Path temp;

    private Path project;

    @BeforeAll
    void copyProject()
    {
        project = TestingProjects.copyToolbox(temp.resolve("toolbox"), "plan");
    }

    @Test
    @Order(1)
    void freshTargetCreatesEverything()
    {
        try (Vault vault = vault()) {
            // nothing landed yet: the run would fail every source, and skip what reads them
            PlanResult empty = vault.planRun();
            assertThat(empty.refused()).isTrue();
            assertThat(empty.model("countries").action()).isEqualTo(Action.REFUSE);
            assertThat(empty.model("countries").reasons()).singleElement().asString().startsWith("source table iceberg.shop_bronze_plan.countries does not exist");
            assertThat(empty.model("ref_country").action()).isEqualTo(Action.REFUSE);
            assertThat(empty.model("ref_country").reasons()).containsExactly("reads countries, stg_countries, which the run would fail: it is skipped");
            Result refused = vault("plan", "--select", "ref_country");
            assertThat(refused.exitCode()).as(refused.text()).isEqualTo(1);
            assertThat(refused.out()).contains("refuse  countries ").containsPattern("(?m)^refuse  ref_country +reads countries, which the run would fail: it is skipped$");

            assertThat(vault.seed().successful()).isTrue();
            Written before = written(vault);

            PlanResult plan = vault.planRun();
            assertThat(plan.manifestFound()).isFalse();
            assertThat(plan.models()).isNotEmpty().allSatisfy(model -> {
                assertThat(model.action()).as(model.model()).isEqualTo(Action.CREATE);
                assertThat(model.sql().status()).isEqualTo(PlanResult.SqlChange.Status.NEW);
            });
            assertThat(plan.model("hub_customer").reasons()).containsExactly("table iceberg.shop_silver_plan.hub_customer does not exist");
            assertThat(plan.model("stg_customers").reasons()).containsExactly("view iceberg.shop_silver_plan.stg_customers does not exist");
            assertThat(plan.models()).extracting(PlanResult.ModelPlanResult::model).doesNotContain("customers");

            Result cli = vault("plan");
            assertThat(cli.exitCode()).as(cli.text()).isEqualTo(7);
            assertThat(cli.out()).containsPattern("(?m)^create  hub_customer +table iceberg.shop_silver_plan.hub_customer does not exist$")
                    .contains("Plan: %d create, 0 load, 0 alter, 0 refuse, 0 skip".formatted(plan.models().size()))
                    .contains("No manifest.json in the target path");

            // no schema, table, lock or file: the silver and gold schemas do not even exist
            assertThat(written(vault)).isEqualTo(before);
            assertThat(rows(vault, "SELECT schema_name FROM iceberg.information_schema.schemata WHERE schema_name IN " + SCHEMAS)).containsExactly("shop_bronze_plan");
        }
    }

    @Test
    @Order(2)
    void afterARunEverythingIsSkipped()
    {
        try (Vault vault = vault()) {
            assertThat(vault.run().failures()).isEmpty();
            Written before = written(vault);

            PlanResult plan = vault.planRun();
            assertThat(plan.manifestFound()).isTrue();
            assertThat(plan.hasWork()).isFalse();
            assertThat(plan.models()).allSatisfy(model -> {
                assertThat(model.action()).as(model.model()).isEqualTo(Action.SKIP);
                assertThat(model.sql().status()).as(model.model()).isEqualTo(PlanResult.SqlChange.Status.UNCHANGED);
            });
            assertThat(plan.model("sat_customer").reasons()).containsExactly("up to date (no input changed)");
            assertThat(plan.model("stg_customers").reasons()).containsExactly("view unchanged");

            Result cli = vault("plan");
            assertThat(cli.exitCode()).as(cli.text()).isZero();
            assertThat(cli.out()).contains("skip    sat_customer ").contains("nothing to do");
            // a selection is the run's: only what it names
            Result selected = vault("plan", "--select", "hub_customer+", "--exclude", "mart_customer_orders");
            assertThat(selected.exitCode()).as(selected.text()).isZero();
            assertThat(selected.out()).contains("skip    hub_customer").doesNotContain("mart_customer_orders").doesNotContain("hub_product");

            assertThat(written(vault)).isEqualTo(before);
        }
    }

    @Test
    @Order(3)
    void newBronzeRowsLoadWhatReadsThem()
            throws SQLException
    {
        // a loader lands a row in one bronze table
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "loader", null);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO iceberg.shop_bronze_plan.countries VALUES ('XX', 'Nowhere', 'None', TIMESTAMP '2026-11-05 00:00:00 UTC')");
        }
        try (Vault vault = vault()) {
            Written before = written(vault);

            PlanResult plan = vault.planRun();
            assertThat(work(plan)).containsExactly("ref_country", "mart_customer_orders");
            assertThat(plan.model("ref_country").action()).isEqualTo(Action.LOAD);
            assertThat(plan.model("ref_country").newSnapshots()).extracting(Object::toString).containsExactly("iceberg.shop_bronze_plan.countries");
            assertThat(plan.model("ref_country").reasons()).containsExactly("new snapshots in iceberg.shop_bronze_plan.countries");
            assertThat(plan.model("mart_customer_orders").action()).isEqualTo(Action.LOAD);
            assertThat(plan.model("mart_customer_orders").reasons()).contains("reads ref_country (load)");
            assertThat(plan.model("hub_customer").action()).isEqualTo(Action.SKIP);
            assertThat(written(vault)).isEqualTo(before);

            Result cli = vault("plan");
            assertThat(cli.exitCode()).as(cli.text()).isEqualTo(7);
            assertThat(cli.out()).containsPattern("(?m)^load    ref_country +new snapshots in iceberg.shop_bronze_plan.countries$");

            // the run does what the plan said
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(ran(run)).containsExactlyInAnyOrderElementsOf(work(plan));
        }
    }

    @Test
    @Order(4)
    void newSatelliteColumnAltersThatSatelliteAndLoadsWhatReadsIt()
            throws Exception
    {
        // sat_customer keeps the raw email too: its stage's hashdiff and its payload gain the column
        Path staging = project.resolve("models/staging.yml");
        Path vaultModels = project.resolve("models/vault.yml");
        TestingProjects.write(staging, Files.readString(staging).replace("hd_customer: [full_name, email_clean, country_code]", "hd_customer: [full_name, email_clean, country_code, email]"));
        TestingProjects.write(vaultModels, Files.readString(vaultModels).replace("payload: [full_name, email_clean, country_code]", "payload: [full_name, email_clean, country_code, email]"));
        try (Vault vault = vault()) {
            Written before = written(vault);

            PlanResult plan = vault.planRun();
            assertThat(plan.models().stream().filter(model -> model.action() == Action.ALTER).map(PlanResult.ModelPlanResult::model)).containsExactly("sat_customer");
            PlanResult.ModelPlanResult satellite = plan.model("sat_customer");
            assertThat(satellite.changes()).containsExactly("added column email varchar");
            assertThat(satellite.reasons()).contains("added column email varchar", "its SQL changed since the last run");
            assertThat(satellite.sql().status()).isEqualTo(PlanResult.SqlChange.Status.CHANGED);
            assertThat(satellite.sql().lines()).startsWith("--- manifest/sat_customer", "+++ compiled/sat_customer")
                    .anySatisfy(line -> assertThat(line).startsWith("+").contains("email"))
                    .anySatisfy(line -> assertThat(line).startsWith("-"))
                    .anySatisfy(line -> assertThat(line).startsWith("@@ -"));
            assertThat(plan.model("mart_customer_orders").action()).isEqualTo(Action.LOAD);
            assertThat(plan.model("mart_customer_orders").reasons()).containsExactly("reads sat_customer (alter)");
            // the stage's view is replaced (its hashdiff gained the column); nothing else changes
            assertThat(plan.model("stg_customers").action()).isEqualTo(Action.CREATE);
            assertThat(plan.model("stg_customers").reasons()).containsExactly("replaces the view: its SQL changed since the last run");
            assertThat(work(plan)).containsExactly("stg_customers", "sat_customer", "mart_customer_orders");

            Result text = vault("plan");
            assertThat(text.exitCode()).as(text.text()).isEqualTo(7);
            assertThat(text.out()).containsPattern("(?m)^alter   sat_customer +added column email varchar; .*\\[sql changed]$")
                    .contains("--- manifest/sat_customer")
                    .containsPattern("(?m)^\\+.*email");

            Result json = vault("plan", "--format", "json");
            assertThat(json.exitCode()).as(json.text()).isEqualTo(7);
            JsonNode output = new ObjectMapper().readTree(json.out());
            assertThat(output.get("schema").asText()).isEqualTo("vault/plan/v1");
            assertThat(output.get("project").asText()).isEqualTo("toolbox_vault");
            assertThat(output.get("has_work").asBoolean()).isTrue();
            assertThat(output.get("refused").asBoolean()).isFalse();
            assertThat(output.get("manifest_found").asBoolean()).isTrue();
            JsonNode entry = entry(output, "sat_customer");
            assertThat(entry.get("kind").asText()).isEqualTo("satellite");
            assertThat(entry.get("table").asText()).isEqualTo(SILVER + ".sat_customer");
            assertThat(entry.get("action").asText()).isEqualTo("alter");
            assertThat(entry.get("changes").get(0).asText()).isEqualTo("added column email varchar");
            assertThat(entry.get("sql_status").asText()).isEqualTo("changed");
            assertThat(entry.get("sql_diff").get(0).asText()).isEqualTo("--- manifest/sat_customer");
            assertThat(entry(output, "mart_customer_orders").get("action").asText()).isEqualTo("load");
            assertThat(entry(output, "hub_customer").get("action").asText()).isEqualTo("skip");
            assertThat(entry(output, "hub_customer").get("new_snapshots").isArray()).isTrue();
            assertThat(entry(output, "hub_customer").get("sql_diff").isEmpty()).isTrue();

            // 0 new snapshots, no table created or altered, no file written
            assertThat(written(vault)).isEqualTo(before);
            assertThat(rows(vault, "SELECT column_name FROM iceberg.information_schema.columns WHERE table_schema = 'shop_silver_plan' AND table_name = 'sat_customer' AND column_name = 'email'"))
                    .isEmpty();

            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("sat_customer").detail()).startsWith("added column email varchar; inserted ");
            // the run changes no table the plan skips; the mart may be up to date after all: the
            // satellite's rows of this batch are loaded already, so its load commits no snapshot
            assertThat(ran(run)).contains("sat_customer").isSubsetOf(work(plan));
        }
    }

    @Test
    @Order(5)
    void changeTheTableCannotTakeIsRefused()
            throws Exception
    {
        Path sources = project.resolve("models/sources.yml");
        TestingProjects.write(sources, Files.readString(sources).replace("{ name: price, type: \"decimal(12,2)\" }", "{ name: price, type: integer }"));
        try (Vault vault = vault()) {
            Written before = written(vault);
            PlanResult plan = vault.planRun();
            PlanResult.ModelPlanResult product = plan.model("sat_product");
            assertThat(product.action()).isEqualTo(Action.REFUSE);
            assertThat(product.reasons()).singleElement().asString()
                    .startsWith("satellite 'sat_product' (models/vault.yml:")
                    .contains("column 'price' is decimal(12,2) in the table and integer in the model");
            assertThat(plan.refused()).isTrue();

            Result cli = vault("plan", "--select", "sat_product");
            assertThat(cli.exitCode()).as(cli.text()).isEqualTo(1);
            assertThat(cli.out()).contains("refuse  sat_product");
            assertThat(written(vault)).isEqualTo(before);
        }
    }

    /** The models a plan says a run does something for, in build order. */
    private static List<String> work(PlanResult plan)
    {
        return plan.models().stream().filter(PlanResult.ModelPlanResult::hasWork).map(PlanResult.ModelPlanResult::model).toList();
    }

    /** The tables a run loaded or rebuilt; it replaces every view, whatever changed. */
    private static List<String> ran(RunResult run)
    {
        return run.models().stream()
                .filter(model -> model.status() != ModelResult.Status.UP_TO_DATE && !model.detail().equals("view"))
                .map(ModelResult::model)
                .toList();
    }

    private static JsonNode entry(JsonNode output, String model)
    {
        for (JsonNode entry : output.get("models")) {
            if (entry.get("model").asText().equals(model)) {
                return entry;
            }
        }
        throw new AssertionError("no model " + model + " in " + output);
    }

    /** Everything a plan must not touch: the tables and views of the project's schemas, each table's snapshot count, the files in the target path. */
    private record Written(Set<String> relations, Map<String, String> snapshots, Set<String> files) {}

    private Written written(Vault vault)
    {
        Set<String> relations = new TreeSet<>(rows(vault, "SELECT table_schema || '.' || table_name || ' ' || table_type FROM iceberg.information_schema.tables WHERE table_schema IN " + SCHEMAS));
        Map<String, String> snapshots = new LinkedHashMap<>();
        for (String relation : relations) {
            String[] parts = relation.split(" ", 2);
            if (parts[1].equals("BASE TABLE")) {
                String[] name = parts[0].split("\\.");
                snapshots.put(parts[0], rows(vault, "SELECT count(*) FROM iceberg.%s.\"%s$snapshots\"".formatted(name[0], name[1])).getFirst());
            }
        }
        Set<String> files = new TreeSet<>();
        Path target = project.resolve(".vault");
        if (Files.isDirectory(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        files.add(target.relativize(file) + " " + Files.getLastModifiedTime(file).toMillis());
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Written(relations, snapshots, files);
    }

    private static List<String> rows(Vault vault, String sql)
    {
        return vault.query(sql).rows().stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .toList();
    }

    private Vault vault()
    {
        return TestingVaultEngine.configure(project).seedPaths(List.of(project.resolve("seeds/batch_1"))).load();
    }

    private Result vault(String... args)
    {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--project-dir", project.toString(), "--jdbc-url", TestingVaultEngine.jdbcUrl()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err)
    {
        String text()
        {
            return "exit " + exitCode + "\n" + out + err;
        }
    }
}
