package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.TestingProjects;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.model.Column;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.ForeignKey;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Link;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.TargetConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Loads the repository's example project (vault.yml and models/ at the repository root). */
class TestProjectLoader
{
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static Project project;

    @BeforeAll
    static void load()
    {
        project = ProjectLoader.load(Path.of(".."), TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE);
    }

    @Test
    void modelNamesAndKinds()
    {
        assertThat(project.models().values().stream().map(model -> model.kind() + " " + model.name()).sorted())
                .containsExactly(
                        "BRIDGE bridge_pessoa_produtor",
                        "HUB hub_pessoa",
                        "HUB hub_produtor",
                        "LINK link_pessoa_produtor",
                        "MART mart_leads_unificados",
                        "SATELLITE sat_pessoa_detalhes",
                        "SNAPSHOT_CONTROL control_snapshots",
                        "SOURCE crm_activecampaign_contacts",
                        "SOURCE facebook_ads_leads",
                        "SOURCE google_ads_leads",
                        "STAGE stg_crm_contacts",
                        "STAGE stg_facebook_leads",
                        "STAGE stg_google_leads");
    }

    @Test
    void buildOrderIsByLayerThenName()
    {
        assertThat(project.graph().topologicalOrder()).containsExactly(
                "crm_activecampaign_contacts",
                "facebook_ads_leads",
                "google_ads_leads",
                "stg_crm_contacts",
                "stg_facebook_leads",
                "stg_google_leads",
                "hub_pessoa",
                "hub_produtor",
                "link_pessoa_produtor",
                "sat_pessoa_detalhes",
                "mart_leads_unificados",
                "control_snapshots",
                "bridge_pessoa_produtor");
        assertThat(project.inBuildOrder().stream().map(Model::kind).distinct())
                .containsExactly(ModelKind.SOURCE, ModelKind.STAGE, ModelKind.HUB, ModelKind.LINK, ModelKind.SATELLITE, ModelKind.MART, ModelKind.SNAPSHOT_CONTROL, ModelKind.BRIDGE);
    }

    @Test
    void everyModelIsBuiltAfterItsDependencies()
    {
        List<String> built = new ArrayList<>();
        for (Model model : project.inBuildOrder()) {
            // through the graph: a ref to an identity hub's auxiliary table (sal_pessoa) is a dependency on the hub
            assertThat(built).as("built before %s", model.name()).containsAll(project.graph().parents(model.name()));
            built.add(model.name());
        }
        assertThat(built).hasSize(project.models().size());
    }

    @Test
    void config()
    {
        var config = project.config();
        assertThat(config.name()).isEqualTo("leads_vault");
        assertThat(config.root()).isEqualTo(REPOSITORY);
        assertThat(config.modelPaths()).containsExactly(REPOSITORY.resolve("models"));
        assertThat(config.seedPaths()).containsExactly(REPOSITORY.resolve("examples/leads/batch_1"), REPOSITORY.resolve("examples/leads/batch_2"));
        assertThat(config.targetPath()).isEqualTo(REPOSITORY.resolve(".vault"));
        assertThat(config.compiledPath()).isEqualTo(REPOSITORY.resolve(".vault/compiled"));
        assertThat(config.catalog()).isEqualTo("iceberg");
        assertThat(config.schemas()).isEqualTo(ImmutableMap.of(Layer.BRONZE, "bronze", Layer.STAGING, "silver", Layer.SILVER, "silver", Layer.GOLD, "gold"));
        assertThat(config.hashing()).isEqualTo(new HashingSettings(HashingSettings.Algorithm.SHA256, HashingSettings.KeyCase.UPPER));
        assertThat(config.defaultTarget()).isEqualTo("embedded");
        assertThat(config.targets()).containsOnlyKeys("embedded", "local");
        assertThat(config.target("embedded")).isEqualTo(new TargetConfig.Embedded("embedded", REPOSITORY.resolve(".vault/warehouse"), OptionalInt.empty()));
        assertThat(config.target("local")).isEqualTo(new TargetConfig.Trino("local", "jdbc:trino://localhost:8080/iceberg", Optional.of("vault"), Optional.empty()));
        assertThatThrownBy(() -> config.target("locl"))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("no target 'locl' in %s; did you mean 'local'?", REPOSITORY.resolve("vault.yml"));
    }

    @Test
    void source()
    {
        Source source = project.model("crm_activecampaign_contacts", Source.class);
        assertThat(source.location()).isEqualTo(new Location(Path.of("models/bronze/sources.yml"), 4, 5));
        assertThat(source.recordSource()).isEqualTo(new RecordSource.Fixed("activecampaign"));
        assertThat(source.loadTimestamp()).isEqualTo("_loaded_at");
        assertThat(source.schema()).isEmpty();
        assertThat(source.table()).isEqualTo("crm_activecampaign_contacts");
        assertThat(source.columns()).extracting(Column::name).containsExactly(
                "contact_id", "first_name", "last_name", "email", "phone", "producer_id", "created_at", "updated_at", "_loaded_at");
        assertThat(source.column("phone").orElseThrow().description()).isEqualTo("As typed by the contact, e.g. (11) 98765-4321");
        assertThat(source.column("phone").orElseThrow().location()).isEqualTo(new Location(Path.of("models/bronze/sources.yml"), 15, 17));
        assertThat(source.column("_loaded_at").orElseThrow().type()).isEqualTo("timestamp(6) with time zone");
        assertThat(project.tableName(source)).hasToString("iceberg.bronze.crm_activecampaign_contacts");
    }

    @Test
    void stage()
    {
        Stage stage = project.model("stg_crm_contacts", Stage.class);
        assertThat(stage.source()).isEqualTo("crm_activecampaign_contacts");
        assertThat(stage.derivedColumns()).extracting(DerivedColumn::name, DerivedColumn::type).containsExactly(
                tuple("nome", "varchar"),
                tuple("email_normalizado", "varchar"),
                tuple("telefone_digitos", "varchar"),
                tuple("telefone", "varchar"),
                tuple("lead_at", "timestamp(6) with time zone"));
        assertThat(stage.derivedColumns().getLast().sql()).isEqualTo("created_at");
        assertThat(stage.hashKeys()).extracting(HashedColumn::name, column -> column.columns().toString()).containsExactly(
                tuple("hk_produtor", "[producer_id]"));
        assertThat(stage.hashdiffs()).extracting(HashedColumn::name, HashedColumn::columns).containsExactly(
                tuple("hd_pessoa_detalhes", ImmutableList.of("nome", "email_normalizado", "telefone")));
        assertThat(stage.identity().orElseThrow().recordKey()).containsExactly("contact_id");
        assertThat(stage.identity().orElseThrow().name()).contains("nome");
        assertThat(stage.identity().orElseThrow().phone()).contains("phone");
        assertThat(project.stagedColumns(stage).keySet()).containsExactly(
                "contact_id", "first_name", "last_name", "email", "phone", "producer_id", "created_at", "updated_at", "_loaded_at",
                "nome", "email_normalizado", "telefone_digitos", "telefone", "lead_at",
                "load_datetime", "record_source",
                "hk_produtor", "hd_pessoa_detalhes",
                "identity_record", "identity_name", "identity_email", "identity_phone");
        assertThat(project.stagedColumns(stage)).containsEntry("lead_at", "timestamp(6) with time zone").containsEntry("identity_record", "varchar");
        assertThat(project.tableName(stage)).hasToString("iceberg.silver.stg_crm_contacts");
    }

    @Test
    void hubs()
    {
        Hub pessoa = project.model("hub_pessoa", Hub.class);
        assertThat(pessoa.hashKey()).isEqualTo("hk_pessoa");
        assertThat(pessoa.identity()).isTrue();
        assertThat(pessoa.businessKeys()).containsExactly("founding_record");
        assertThat(pessoa.auxiliaryTables()).containsExactly("hub_pessoa_records", "sal_pessoa", "hub_pessoa_junk_keys", "hub_pessoa_keys", "hub_pessoa_resolved");
        assertThat(project.refTable("sal_pessoa")).hasToString("iceberg.silver.sal_pessoa");
        assertThat(project.model("hub_produtor", Hub.class).identity()).isFalse();
        assertThat(pessoa.sources()).containsExactly("stg_crm_contacts", "stg_facebook_leads", "stg_google_leads");
        assertThat(pessoa.layout().buckets()).isEqualTo(16);
        assertThat(project.model("hub_produtor", Hub.class).layout().buckets()).isEqualTo(4);
        assertThat(project.tableName(pessoa)).hasToString("iceberg.silver.hub_pessoa");
    }

    @Test
    void linkForeignKeysAreResolvedToHubHashKeys()
    {
        Link link = project.model("link_pessoa_produtor", Link.class);
        Path file = Path.of("models/silver/links.yml");
        assertThat(link.hashKey()).isEqualTo("hk_pessoa_produtor");
        assertThat(link.foreignKeys()).containsExactly(
                new ForeignKey("hub_pessoa", "hk_pessoa", new Location(file, 5, 12)),
                new ForeignKey("hub_produtor", "hk_produtor", new Location(file, 5, 24)));
        assertThat(link.dependencies()).containsExactly("stg_crm_contacts", "stg_facebook_leads", "stg_google_leads", "hub_pessoa", "hub_produtor");
    }

    @Test
    void satellite()
    {
        Satellite satellite = project.model("sat_pessoa_detalhes", Satellite.class);
        assertThat(satellite.parent()).isEqualTo("hub_pessoa");
        assertThat(satellite.hashdiff()).isEqualTo("hd_pessoa_detalhes");
        assertThat(satellite.payload()).containsExactly("nome", "email_normalizado", "telefone");
        assertThat(satellite.sources()).containsExactly("stg_crm_contacts", "stg_facebook_leads", "stg_google_leads");
        assertThat(satellite.location()).isEqualTo(new Location(Path.of("models/silver/satellites.yml"), 2, 5));
    }

    @Test
    void martRefs()
    {
        Mart mart = project.model("mart_leads_unificados", Mart.class);
        assertThat(mart.materialized()).isEqualTo(Mart.Materialization.TABLE);
        assertThat(mart.refs()).containsExactly(
                "sal_pessoa", "hub_pessoa", "stg_crm_contacts", "hub_pessoa_resolved", "stg_facebook_leads", "stg_google_leads", "sat_pessoa_detalhes", "hub_produtor");
        assertThat(mart.sqlLocation()).isEqualTo(new Location(Path.of("models/gold/mart_leads_unificados.sql"), 1, 1));
        assertThat(mart.sql()).startsWith("-- Unified leads: one row per person").contains("FROM {{ ref('sal_pessoa') }}");
        assertThat(mart.description()).startsWith("One row per person and producer");
        assertThat(project.tableName(mart)).hasToString("iceberg.gold.mart_leads_unificados");
    }

    @Test
    void graph()
    {
        var graph = project.graph();
        assertThat(graph.parents("hub_pessoa")).containsExactlyInAnyOrder("stg_crm_contacts", "stg_facebook_leads", "stg_google_leads");
        assertThat(graph.children("hub_pessoa")).containsExactlyInAnyOrder("link_pessoa_produtor", "sat_pessoa_detalhes", "mart_leads_unificados", "bridge_pessoa_produtor");
        // the mart reads sal_pessoa and hub_pessoa_resolved, which hub_pessoa writes: an edge from the hub
        assertThat(graph.parents("mart_leads_unificados")).contains("hub_pessoa").doesNotContain("sal_pessoa");
        assertThat(graph.parents("crm_activecampaign_contacts")).isEmpty();
        assertThat(graph.children("mart_leads_unificados")).isEmpty();
        assertThat(graph.ancestors("sat_pessoa_detalhes")).containsExactlyInAnyOrder(
                "hub_pessoa", "stg_crm_contacts", "stg_facebook_leads", "stg_google_leads",
                "crm_activecampaign_contacts", "facebook_ads_leads", "google_ads_leads");
        assertThat(graph.ancestors("mart_leads_unificados")).hasSize(9).doesNotContain("mart_leads_unificados", "link_pessoa_produtor");
    }

    @Test
    void unknownModelName()
    {
        assertThatThrownBy(() -> project.model("hub_pesoa"))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("no model named 'hub_pesoa'; did you mean 'hub_pessoa'?");
        assertThat(project.models(Hub.class)).extracting(Hub::name).containsExactly("hub_pessoa", "hub_produtor");
    }

    @Test
    void testingProjectIsValid(@TempDir Path directory)
    {
        Project testing = TestingProjects.project(directory).load();
        assertThat(testing.config().name()).isEqualTo("test_vault");
        assertThat(testing.graph().topologicalOrder())
                .containsExactly("people", "stg_people", "hub_company", "hub_person", "link_person_company", "sat_person", "mart_people");
        // the payload defaults to the hashdiff's columns
        assertThat(testing.model("sat_person", Satellite.class).payload()).containsExactly("name_clean", "age_years");
        Mart mart = testing.model("mart_people", Mart.class);
        assertThat(mart.refs()).containsExactly("hub_person", "sat_person");
        assertThat(mart.sqlLocation()).isEqualTo(new Location(Path.of("models/marts.yml"), 4, 1));
    }
}
