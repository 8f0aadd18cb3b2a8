package dev.vault.sql.lineage;

import com.google.common.collect.ImmutableList;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;
import dev.vault.sql.TrinoCompiler;
import dev.vault.sql.dialect.TrinoDialect;
import dev.vault.sql.lineage.ColumnLineage.ColumnRef;
import dev.vault.sql.lineage.ColumnLineage.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestColumnLineage
{
    private static final ColumnLineage LEADS = lineage(Path.of(".."));

    @Test
    void stageColumnsComeFromTheirSourceThroughDerivedColumns()
    {
        Entry nome = column(LEADS, "stg_crm_contacts", "nome");
        assertThat(nome.how()).isEqualTo("derived: nullif(trim(concat_ws(' ', trim(first_name), trim(last_name))), '')");
        assertThat(nome.inputs()).containsExactly(ref("crm_activecampaign_contacts.first_name"), ref("crm_activecampaign_contacts.last_name"));

        // a derived column reading another derived column points at the stage's own column, and ends in bronze
        Entry telefone = column(LEADS, "stg_crm_contacts", "telefone");
        assertThat(telefone.inputs()).containsExactly(ref("stg_crm_contacts.telefone_digitos"));
        assertThat(telefone.bronze()).containsExactly(ref("crm_activecampaign_contacts.phone"));

        assertThat(column(LEADS, "stg_crm_contacts", "load_datetime").bronze()).containsExactly(ref("crm_activecampaign_contacts._loaded_at"));
        assertThat(column(LEADS, "stg_crm_contacts", "record_source").how()).isEqualTo("record source, fixed: activecampaign");
        assertThat(column(LEADS, "stg_crm_contacts", "record_source").inputs()).isEmpty();
    }

    @Test
    void hashKeysAndHashdiffsEndInTheBronzeColumnsTheyHash()
    {
        Entry hashdiff = column(LEADS, "stg_facebook_leads", "hd_pessoa_detalhes");
        assertThat(hashdiff.how()).isEqualTo("hashdiff of nome, email_normalizado, telefone");
        assertThat(hashdiff.bronze()).containsExactly(ref("facebook_ads_leads.email"), ref("facebook_ads_leads.full_name"), ref("facebook_ads_leads.phone_number"));

        Entry hub = column(LEADS, "hub_produtor", "hk_produtor");
        assertThat(hub.inputs()).containsExactly(ref("stg_crm_contacts.hk_produtor"), ref("stg_facebook_leads.hk_produtor"), ref("stg_google_leads.hk_produtor"));
        assertThat(hub.bronze()).containsExactly(ref("crm_activecampaign_contacts.producer_id"), ref("facebook_ads_leads.producer_id"), ref("google_ads_leads.producer_id"));
    }

    @Test
    void aPersonKeyComesFromTheIdentityKeysOfEveryStage()
    {
        Entry key = column(LEADS, "stg_google_leads", "identity_key_name_phone");
        assertThat(key.inputs()).containsExactly(ref("stg_google_leads.identity_name"), ref("stg_google_leads.identity_phone"));
        assertThat(key.bronze()).containsExactly(ref("google_ads_leads.full_name"), ref("google_ads_leads.phone_number"));

        Entry person = column(LEADS, "hub_pessoa", "hk_pessoa");
        assertThat(person.inputs()).contains(ref("stg_crm_contacts.identity_key_email"), ref("stg_facebook_leads.identity_key_name_phone"), ref("stg_google_leads.identity_record"));
        // the record keys found persons; names, emails and phones join them; producer and load times play no part
        assertThat(person.bronze()).contains(ref("crm_activecampaign_contacts.contact_id"), ref("crm_activecampaign_contacts.first_name"), ref("google_ads_leads.email"))
                .doesNotContain(ref("crm_activecampaign_contacts.producer_id"), ref("facebook_ads_leads._loaded_at"));

        // the satellite's parent key is the hub's; its payload is copied from the stages
        assertThat(column(LEADS, "sat_pessoa_detalhes", "hk_pessoa").inputs()).containsExactly(ref("hub_pessoa.hk_pessoa"));
        assertThat(column(LEADS, "sat_pessoa_detalhes", "telefone").bronze())
                .containsExactly(ref("crm_activecampaign_contacts.phone"), ref("facebook_ads_leads.phone_number"), ref("google_ads_leads.phone_number"));
        // a person link hashes its hubs' keys itself
        Entry link = column(LEADS, "link_pessoa_produtor", "hk_pessoa_produtor");
        assertThat(link.inputs()).containsExactly(ref("link_pessoa_produtor.hk_pessoa"), ref("link_pessoa_produtor.hk_produtor"));
        assertThat(link.bronze()).contains(ref("google_ads_leads.producer_id"), ref("crm_activecampaign_contacts.email"));
    }

    @Test
    void martColumnsAreTracedThroughCtesJoinsAndUnions()
    {
        assertThat(LEADS.untraced("mart_leads_unificados")).isEmpty();
        assertThat(LEADS.columns("mart_leads_unificados")).extracting(Entry::column)
                .containsExactly("hk_pessoa", "hk_produtor", "id_produtor", "nome", "email", "telefone", "primeiro_lead_em", "ultimo_lead_em", "registros_origem", "origens");

        // through a join alias
        Entry producer = column(LEADS, "mart_leads_unificados", "id_produtor");
        assertThat(producer.how()).isEqualTo("copied");
        assertThat(producer.inputs()).containsExactly(ref("hub_produtor.producer_id"));
        // through a CTE over a UNION ALL of three stages joined to the identity hub's resolved view
        Entry firstLead = column(LEADS, "mart_leads_unificados", "primeiro_lead_em");
        assertThat(firstLead.how()).isEqualTo("expression: min(lead_records.lead_at)");
        assertThat(firstLead.bronze()).containsExactly(ref("crm_activecampaign_contacts.created_at"), ref("facebook_ads_leads.created_time"), ref("google_ads_leads.lead_submit_time"));
        assertThat(column(LEADS, "mart_leads_unificados", "hk_pessoa").inputs()).containsExactly(ref("hub_pessoa.hk_pessoa"));
        // through a CTE's aggregate
        assertThat(column(LEADS, "mart_leads_unificados", "email").inputs()).contains(ref("sat_pessoa_detalhes.email_normalizado"));
        assertThat(column(LEADS, "mart_leads_unificados", "registros_origem").inputs()).isEmpty();
    }

    @Test
    void aQueryShapeTheParserCannotFollowLeavesTheMartUntraced(@TempDir Path folder)
            throws IOException
    {
        Files.writeString(folder.resolve("vault.yml"), """
                name: lineage_fixture
                """);
        Files.createDirectories(folder.resolve("models"));
        Files.writeString(folder.resolve("models/models.yml"), """
                sources:
                  - name: orders
                    record-source: shop
                    load-timestamp: loaded_at
                    columns:
                      - { name: order_id, type: varchar }
                      - { name: items, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                stages:
                  - name: stg_orders
                    source: orders
                    hash-keys:
                      hk_order: [order_id]
                marts:
                  - name: mart_items
                    materialized: view
                    sql: "SELECT o.order_id, item FROM {{ ref('stg_orders') }} AS o CROSS JOIN UNNEST(split(o.items, ',')) AS t (item)"
                  - name: mart_orders
                    materialized: view
                    sql: "SELECT upper(order_id) AS id, count(*) OVER () AS total FROM {{ ref('stg_orders') }}"
                """);
        ColumnLineage lineage = lineage(folder);
        assertThat(lineage.untraced("mart_items")).hasValue("a FROM item of type Unnest is not traced");
        assertThat(lineage.columns("mart_items")).isEmpty();

        assertThat(lineage.untraced("mart_orders")).isEmpty();
        assertThat(column(lineage, "mart_orders", "id").how()).isEqualTo("expression: upper(order_id)");
        assertThat(column(lineage, "mart_orders", "id").bronze()).containsExactly(ref("orders.order_id"));
        assertThat(column(lineage, "stg_orders", "hk_order").bronze()).containsExactly(ref("orders.order_id"));
    }

    private static ColumnLineage lineage(Path project)
    {
        Project loaded = ProjectLoader.load(project, TrinoDialect.INSTANCE);
        return ColumnLineage.of(loaded, new TrinoCompiler(loaded).compile());
    }

    private static Entry column(ColumnLineage lineage, String model, String column)
    {
        ImmutableList<Entry> columns = lineage.columns(model);
        return columns.stream().filter(entry -> entry.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column %s in %s: %s".formatted(column, model, columns.stream().map(Entry::column).toList())));
    }

    private static ColumnRef ref(String column)
    {
        List<String> parts = Arrays.asList(column.split("\\."));
        return new ColumnRef(parts.get(0), parts.get(1));
    }
}
