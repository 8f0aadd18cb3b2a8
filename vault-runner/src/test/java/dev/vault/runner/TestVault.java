package dev.vault.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.core.model.Layer;
import dev.vault.sql.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Vault does without an engine: plan and compile. */
class TestVault
{
    @TempDir
    Path directory;

    @Test
    void planNeedsNoEngine()
    {
        RecordingListener listener = new RecordingListener();
        try (Vault vault = load(listener)) {
            Plan plan = vault.plan();
            assertThat(plan.models().keySet()).containsExactly("customers", "stg_customers", "hub_customer", "mart_customers");
            assertThat(vault.project().config().schema(Layer.GOLD)).isEqualTo("gold");
            assertThat(vault.project().config().schema(Layer.BRONZE)).isEqualTo("bronze");
            assertThat(vault.targetDescription()).startsWith("embedded Trino on ").endsWith(".vault/warehouse");
        }
        assertThat(listener.events).isEmpty();
    }

    @Test
    void compileWritesOneFilePerModelUnderItsLayer()
            throws IOException
    {
        Path output = directory.resolve("out");
        RecordingListener listener = new RecordingListener();
        List<Path> files;
        try (Vault vault = load(listener)) {
            files = vault.compile(output);
        }

        assertThat(files).containsExactly(
                output.resolve("staging/stg_customers.sql"),
                output.resolve("silver/hub_customer.sql"),
                output.resolve("gold/mart_customers.sql"));
        assertThat(output.resolve("bronze")).doesNotExist();
        assertThat(listener.events).isEmpty();

        String hub = Files.readString(output.resolve("silver/hub_customer.sql"), StandardCharsets.UTF_8);
        // what run executes: the guard, the table, the load, the fingerprint comment
        assertThat(hub)
                .startsWith("-- vault guard: the run computes a fingerprint of this model's SQL and of the newest snapshot of\n-- each input table:\n--   iceberg.bronze.customers\n")
                .containsSubsequence("-- vault hub: hub_customer (models/customers.yml:", "CREATE TABLE IF NOT EXISTS \"iceberg\".\"silver\".\"hub_customer\"",
                        ";\n\n-- vault hub", "INSERT INTO \"iceberg\".\"silver\".\"hub_customer\"", "= first_seen.\"hk_customer\");\n\n",
                        "COMMENT ON TABLE \"iceberg\".\"silver\".\"hub_customer\" IS 'vault hub hub_customer, models/customers.yml:")
                .endsWith("; vault fingerprint ${fingerprint}';\n");
        assertThat(Files.readString(output.resolve("staging/stg_customers.sql"), StandardCharsets.UTF_8))
                // a view's guard reads no input: it is re-created when its statement, fingerprinted in its comment, changes
                .startsWith("-- vault guard: the run computes a fingerprint of this model's SQL and of the newest snapshot of\n-- no input table\n")
                .contains("CREATE OR REPLACE VIEW \"iceberg\".\"silver\".\"stg_customers\"\nCOMMENT 'vault stage stg_customers, models/customers.yml:10:5; vault fingerprint ${fingerprint}'\nAS\n")
                .endsWith("FROM hash_input;\n");
        assertThat(Files.readString(output.resolve("gold/mart_customers.sql"), StandardCharsets.UTF_8))
                .contains("CREATE OR REPLACE TABLE \"iceberg\".\"gold\".\"mart_customers\"")
                .contains("-- ${fingerprint} below is that fingerprint, filled in by the runner.\n")
                .contains("; vault fingerprint ${fingerprint}'")
                .endsWith("AS\nSELECT customer_id FROM \"iceberg\".\"silver\".\"hub_customer\";\n");
    }

    @Test
    void manifestCarriesEveryColumnsLineage()
            throws IOException
    {
        try (Vault vault = load(new RecordingListener())) {
            vault.compile(directory.resolve("out"));
        }
        JsonNode models = new ObjectMapper().readTree(directory.resolve("project/.vault/manifest.json").toFile()).path("models");
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        for (JsonNode model : models) {
            for (JsonNode column : model.path("columns")) {
                columns.put(model.path("name").asText() + "." + column.path("name").asText(), column);
            }
        }
        assertThat(columns.get("hub_customer.hk_customer").path("how").asText()).isEqualTo("copied");
        assertThat(columns.get("hub_customer.hk_customer").path("inputs").toString()).isEqualTo("[\"stg_customers.hk_customer\"]");
        assertThat(columns.get("stg_customers.hk_customer").path("how").asText()).isEqualTo("hash key of customer_id");
        // the mart's column, traced through its query to the bronze column
        assertThat(columns.get("mart_customers.customer_id").path("inputs").toString()).isEqualTo("[\"hub_customer.customer_id\"]");
        assertThat(columns.get("mart_customers.customer_id").path("bronze").toString()).isEqualTo("[\"customers.customer_id\"]");
        assertThat(models.findValues("lineage_untraced")).allMatch(JsonNode::isNull);
    }

    @Test
    void compileReplacesTheSqlFilesOfAnEarlierCompileOnly()
            throws IOException
    {
        Path output = directory.resolve("out");
        try (Vault vault = load(VaultListener.NONE)) {
            vault.compile(output);
        }
        // a file an earlier compile wrote for a model removed since, and files vault never wrote
        Files.writeString(output.resolve("silver/hub_removed_since.sql"), "SELECT 1;\n");
        Files.writeString(output.resolve(Vault.COMPILE_MANIFEST), "silver/hub_removed_since.sql\n", StandardOpenOption.APPEND);
        Files.writeString(output.resolve("silver/hub_customer.sql"), "stale\n");
        Files.writeString(output.resolve("silver/written_by_hand.sql"), "kept\n");
        Files.writeString(output.resolve("notes.txt"), "kept\n");

        try (Vault vault = load(VaultListener.NONE)) {
            vault.compile(output);
        }

        assertThat(output.resolve("silver/hub_removed_since.sql")).doesNotExist();
        assertThat(output.resolve("silver/hub_customer.sql")).content().doesNotContain("stale").contains("INSERT INTO");
        assertThat(output.resolve("silver/written_by_hand.sql")).hasContent("kept");
        assertThat(output.resolve("notes.txt")).hasContent("kept");
        assertThat(output.resolve(Vault.COMPILE_MANIFEST)).content().doesNotContain("hub_removed_since").contains("silver/hub_customer.sql");
    }

    @Test
    void compileIntoTheProjectFolderKeepsTheModelsSqlFiles()
    {
        Path project = FixtureProject.in(directory).write();
        Path martSql = project.resolve("models/gold/mart_customers.sql");
        try (Vault vault = Vault.configure().projectDirectory(project).environment(Map.of()).load()) {
            vault.compile(project);
        }
        assertThat(martSql).exists().hasContent(FixtureProject.MART_SQL.strip());
    }

    private Vault load(VaultListener listener)
    {
        return Vault.configure()
                .projectDirectory(FixtureProject.in(directory.resolve("project")).write())
                .listener(listener)
                .environment(Map.of())
                .load();
    }
}
