package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Column;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Project;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Source;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML vault init writes for bronze tables: exact text, quoting, what is left out and why, and that vault reads it back. */
class TestInitYaml
{
    private static final String TIMESTAMP_TZ = "timestamp(6) with time zone";

    @TempDir
    Path directory;

    @Test
    void sourcesAndStages()
    {
        InitYaml.Bronze bronze = InitYaml.bronze("iceberg", "airbyte", List.of(
                table("crm_contacts", "id", "bigint", "email", "varchar", "created_at", TIMESTAMP_TZ, "_airbyte_raw_id", "varchar", "_airbyte_extracted_at", TIMESTAMP_TZ),
                table("orders", "order_id", "varchar", "amount", "decimal(12,2)", "loaded_at", "timestamp(6)")));

        assertThat(bronze.sources()).isEqualTo("""
                # Bronze: the tables of iceberg.airbyte as `vault init --from iceberg.airbyte` found them. vault reads them and never
                # changes them. Check each source's record-source (the system its rows come from; staged rows carry it
                # in record_source) and load-timestamp (the column that says when each row landed), then describe
                # the columns you use.
                sources:
                  - name: crm_contacts
                    record-source: crm_contacts
                    load-timestamp: _airbyte_extracted_at
                    columns:
                      - { name: id, type: bigint }
                      - { name: email, type: varchar }
                      - { name: created_at, type: timestamp(6) with time zone }
                      - { name: _airbyte_raw_id, type: varchar }
                      - { name: _airbyte_extracted_at, type: timestamp(6) with time zone }

                  - name: orders
                    record-source: orders
                    load-timestamp: loaded_at
                    columns:
                      - { name: order_id, type: varchar }
                      - { name: amount, type: "decimal(12,2)" }
                      - { name: loaded_at, type: timestamp(6) }
                """);
        assertThat(bronze.stages()).endsWith("""
                # then hubs, links and satellites that read them (README "Getting started").
                stages:
                  - name: stg_crm_contacts
                    source: crm_contacts

                  - name: stg_orders
                    source: orders
                """);
        assertThat(bronze.sourceNames()).containsExactly("crm_contacts", "orders");
        assertThat(bronze.warnings()).isEmpty();
    }

    @Test
    void oddNamesAreQuotedOrLeftOutWithTheReason()
    {
        InitYaml.Bronze bronze = InitYaml.bronze("iceberg", "landing", List.of(
                table("true", "on", "varchar", "null", "integer", "yes", "boolean", "Order Id", "varchar", "payload", "row(a varchar, b integer)",
                        "record_source", "varchar", "load_datetime", TIMESTAMP_TZ, "ingested_at", "timestamp(6)"),
                table("Crm-Contacts", "id", "bigint"),
                table("events", "id", "bigint", "event_time", TIMESTAMP_TZ)));

        assertThat(bronze.sources()).endsWith("""
                sources:
                  - name: "true"
                    # each row names its system in record_source
                    record-source: {column: record_source}
                    load-timestamp: ingested_at
                    columns:
                      - { name: "on", type: varchar }
                      - { name: "null", type: integer }
                      - { name: "yes", type: boolean }
                      - { name: record_source, type: varchar }
                      - { name: ingested_at, type: timestamp(6) }
                      # left out: column 'Order Id' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'order_id'); expose it under a valid name through a view over the table
                      # left out: column payload is row(a varchar, b integer), not a type vault reads; cast it in a view over the table (use one of: boolean, integer, bigint, real, double, decimal(p, s) with p <= 38 and s <= p, varchar, varchar(n), date, timestamp(6), timestamp(6) with time zone, uuid, varbinary)
                      # left out: column load_datetime: vault gives every staged row a column of that name; expose it under another name through a view

                  # left out: table 'Crm-Contacts' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'crm_contacts'); expose it under a valid name through a view

                  - name: events
                    record-source: events
                    # TODO load-timestamp: no timestamp column is named like loaded_at, _airbyte_extracted_at, ingested_at or
                    # created_at; name the column that says when each row landed in bronze, e.g. load-timestamp: loaded_at
                    columns:
                      - { name: id, type: bigint }
                      - { name: event_time, type: timestamp(6) with time zone }
                """);
        assertThat(bronze.stages()).endsWith("""
                stages:
                  - name: stg_true
                    source: "true"

                  - name: stg_events
                    source: events
                """);
        assertThat(bronze.sourceNames()).containsExactly("true", "events");
        assertThat(bronze.warnings()).hasSize(5).last().isEqualTo("source events: set its load-timestamp in models/sources.yml; no timestamp column looks like one");
    }

    @Test
    void loadTimestampPrefersALoadersColumnToARecordsOwn()
    {
        List<InitYaml.Column> columns = List.of(
                new InitYaml.Column("created_at", TIMESTAMP_TZ),
                new InitYaml.Column("updated_at", TIMESTAMP_TZ),
                new InitYaml.Column("_ab_cdc_updated_at", TIMESTAMP_TZ),
                new InitYaml.Column("loaded_at", "varchar"));
        assertThat(InitYaml.loadTimestamp(columns).map(InitYaml.Column::name)).hasValue("_ab_cdc_updated_at");
        assertThat(InitYaml.loadTimestamp(columns.subList(0, 2)).map(InitYaml.Column::name)).hasValue("created_at");
        // a name alone is not enough: a varchar loaded_at cannot be a load timestamp
        assertThat(InitYaml.loadTimestamp(columns.subList(3, 4))).isEmpty();
    }

    @Test
    void scalars()
    {
        assertThat(InitYaml.scalar("customer_id")).isEqualTo("customer_id");
        assertThat(InitYaml.scalar("timestamp(6) with time zone")).isEqualTo("timestamp(6) with time zone");
        assertThat(InitYaml.scalar("decimal(12,2)")).isEqualTo("\"decimal(12,2)\"");
        assertThat(InitYaml.scalar("Off")).isEqualTo("\"Off\"");
        assertThat(InitYaml.scalar("jdbc:trino://localhost:8080/iceberg")).isEqualTo("\"jdbc:trino://localhost:8080/iceberg\"");
        assertThat(InitYaml.scalar("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
        assertThat(InitYaml.scalar("")).isEqualTo("\"\"");
    }

    /** What init writes, vault loads: the odd names come back as written, the types as declared. */
    @Test
    void generatedFilesLoad()
            throws IOException
    {
        InitYaml.Bronze bronze = InitYaml.bronze("iceberg", "landing", List.of(
                table("true", "on", "varchar", "null", "integer", "amount", "decimal(12,2)", "record_source", "varchar", "ingested_at", "timestamp(6)"),
                table("crm_contacts", "id", "bigint", "_airbyte_extracted_at", TIMESTAMP_TZ)));
        write("vault.yml", InitYaml.projectFile("landing_vault", "iceberg", "landing", true,
                new InitYaml.Target(".vault/warehouse", Optional.of("jdbc:trino://trino.example.com:443/iceberg?SSL=true"), Optional.of("etl"), Optional.of("TRINO_PASSWORD"), Optional.empty())));
        write("models/sources.yml", bronze.sources());
        write("models/stages.yml", bronze.stages());

        Project project = ProjectLoader.load(directory, TrinoDialect.INSTANCE);

        Source odd = project.model("true", Source.class);
        assertThat(odd.columns()).extracting(Column::name).containsExactly("on", "null", "amount", "record_source", "ingested_at");
        assertThat(odd.column("amount").orElseThrow().type()).isEqualTo("decimal(12,2)");
        assertThat(odd.recordSource()).isEqualTo(new RecordSource.FromColumn("record_source"));
        assertThat(odd.loadTimestamp()).isEqualTo("ingested_at");
        assertThat(project.model("stg_true").dependencies()).containsExactly("true");
        assertThat(project.model("crm_contacts", Source.class).loadTimestamp()).isEqualTo("_airbyte_extracted_at");
        assertThat(project.config().defaultTarget()).isEqualTo("cluster");
        assertThat(project.config().schema(Layer.BRONZE)).isEqualTo("landing");
    }

    private void write(String file, String content)
            throws IOException
    {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private static InitYaml.Table table(String name, String... columnsAndTypes)
    {
        ImmutableList.Builder<InitYaml.Column> columns = ImmutableList.builder();
        for (int i = 0; i < columnsAndTypes.length; i += 2) {
            columns.add(new InitYaml.Column(columnsAndTypes[i], columnsAndTypes[i + 1]));
        }
        return new InitYaml.Table(name, columns.build());
    }
}
