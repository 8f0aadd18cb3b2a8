package dev.vault.core.model;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.load.ProjectLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestModelSelector
{
    private static final Project EXAMPLE = ProjectLoader.load(Path.of(".."), TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE);

    @TempDir
    Path directory;

    @Test
    void everythingByDefaultInBuildOrder()
    {
        assertThat(select(List.of(), List.of())).containsExactlyElementsOf(EXAMPLE.graph().topologicalOrder());
    }

    @Test
    void modelAndWhatReadsIt()
    {
        assertThat(select(List.of("hub_pessoa+"), List.of()))
                .containsExactly("hub_pessoa", "link_pessoa_produtor", "sat_pessoa_detalhes", "mart_leads_unificados", "bridge_pessoa_produtor");
    }

    @Test
    void modelAndWhatItReads()
    {
        assertThat(select(List.of("+link_pessoa_produtor"), List.of())).containsExactly(
                "crm_activecampaign_contacts", "facebook_ads_leads", "google_ads_leads",
                "stg_crm_contacts", "stg_facebook_leads", "stg_google_leads",
                "hub_pessoa", "hub_produtor", "link_pessoa_produtor");
    }

    @Test
    void stateModifiedWithWhatReadsIt()
    {
        ModelSelector selector = new ModelSelector(EXAMPLE, Optional.of(Set.of("sat_pessoa_detalhes", "hub_produtor")));
        assertThat(selector.select(List.of("state:modified"), List.of())).containsExactly("hub_produtor", "sat_pessoa_detalhes");
        assertThat(selector.select(List.of("state:modified+"), List.of()))
                .containsExactly("hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes", "mart_leads_unificados", "bridge_pessoa_produtor");
        assertThat(new ModelSelector(EXAMPLE, Optional.of(Set.of())).select(List.of("state:modified+"), List.of())).isEmpty();
        assertThatThrownBy(() -> new ModelSelector(EXAMPLE).select(List.of("state:modified+"), List.of()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageStartingWith("selector 'state:modified+' needs --state DIR");
    }

    @Test
    void unionAndExclude()
    {
        assertThat(select(List.of("hub_produtor", "sat_pessoa_detalhes+"), List.of("mart_leads_unificados")))
                .containsExactly("hub_produtor", "sat_pessoa_detalhes");
        assertThat(select(List.of(), List.of("+stg_crm_contacts"))).doesNotContain("stg_crm_contacts", "crm_activecampaign_contacts").contains("hub_pessoa");
    }

    @Test
    void tags()
            throws IOException
    {
        Path project = Files.createDirectories(directory.resolve("project"));
        Files.writeString(project.resolve("vault.yml"), "name: tagged\n");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("models/models.yml"), """
                sources:
                  - name: orders
                    record-source: shop
                    load-timestamp: loaded_at
                    tags: [daily]
                    columns:
                      - { name: id, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                marts:
                  - name: mart_orders
                    tags: [daily, finance]
                    sql: "SELECT * FROM {{ ref('orders') }}"
                  - name: mart_other
                    tags: [hourly]
                    sql: "SELECT 1 AS one"
                """);
        Project tagged = ProjectLoader.load(project, TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE);
        ModelSelector selector = new ModelSelector(tagged);
        assertThat(selector.select(List.of("tag:daily"), List.of())).containsExactly("orders", "mart_orders");
        assertThat(selector.select(List.of("tag:daily"), List.of("tag:finance"))).containsExactly("orders");
        assertThat(tagged.tags("mart_orders")).containsExactly("daily", "finance");
        assertThatThrownBy(() -> selector.select(List.of("tag:dayly"), List.of()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("no model has the tag 'dayly' (selector 'tag:dayly'); did you mean 'daily'?");
    }

    @Test
    void unknownModelIsAnError()
    {
        assertThatThrownBy(() -> select(List.of("hub_pesoa+"), List.of()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("selector 'hub_pesoa+' names no model (write name, name+, +name, tag:TAG or state:modified+); did you mean 'hub_pessoa'?");
    }

    private static List<String> select(List<String> select, List<String> exclude)
    {
        return List.copyOf(new ModelSelector(EXAMPLE).select(select, exclude));
    }
}
