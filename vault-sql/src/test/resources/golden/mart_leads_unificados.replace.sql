-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Rebuilds the table from the query in one atomic replace, only when the query or an input
-- table changed since the last build (the fingerprint in the table comment says which).
CREATE OR REPLACE TABLE "iceberg"."gold"."mart_leads_unificados"
COMMENT 'One row per person and producer: current details (latest known non-empty name, email and phone), first and last lead time, number of source records and the sources they came from. (vault mart mart_leads_unificados, models/gold/marts.yml:2:5); vault fingerprint 0123456789abcdef'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
-- Unified leads: one row per person (hub_pessoa, merges resolved) and producer (hub_produtor).
WITH merged AS (
    -- a person merged into an older one counts as that one (sal_pessoa: the latest row names the master)
    SELECT hk_pessoa_duplicate, max_by(hk_pessoa_master, load_datetime) AS hk_pessoa_master
    FROM "iceberg"."silver"."sal_pessoa"
    GROUP BY hk_pessoa_duplicate
),
pessoa_atual AS (
    SELECT pessoa.hk_pessoa, coalesce(merged.hk_pessoa_master, pessoa.hk_pessoa) AS hk_pessoa_atual
    FROM "iceberg"."silver"."hub_pessoa" AS pessoa
    LEFT JOIN merged ON merged.hk_pessoa_duplicate = pessoa.hk_pessoa
),
lead_records AS (
    -- every source record with its current person
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM "iceberg"."silver"."stg_crm_contacts" AS stg
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved.identity_record = stg.identity_record
    UNION ALL
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM "iceberg"."silver"."stg_facebook_leads" AS stg
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved.identity_record = stg.identity_record
    UNION ALL
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM "iceberg"."silver"."stg_google_leads" AS stg
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved.identity_record = stg.identity_record
),
detalhes_atuais AS (
    -- the latest non-empty value of each attribute over all the person's records
    SELECT
        atual.hk_pessoa_atual AS hk_pessoa,
        element_at(array_agg(sat.nome ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.nome IS NOT NULL), 1) AS nome,
        element_at(array_agg(sat.email_normalizado ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.email_normalizado IS NOT NULL), 1) AS email,
        element_at(array_agg(sat.telefone ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.telefone IS NOT NULL), 1) AS telefone
    FROM "iceberg"."silver"."sat_pessoa_detalhes" AS sat
    JOIN pessoa_atual AS atual ON atual.hk_pessoa = sat.hk_pessoa
    GROUP BY atual.hk_pessoa_atual
)
SELECT
    lead_records.hk_pessoa,
    lead_records.hk_produtor,
    produtor.producer_id AS id_produtor,
    detalhes.nome,
    detalhes.email,
    detalhes.telefone,
    min(lead_records.lead_at) AS primeiro_lead_em,
    max(lead_records.lead_at) AS ultimo_lead_em,
    count(*) AS registros_origem,
    array_join(array_sort(array_agg(DISTINCT lead_records.record_source)), ', ') AS origens
FROM lead_records
JOIN "iceberg"."silver"."hub_produtor" AS produtor ON produtor.hk_produtor = lead_records.hk_produtor
LEFT JOIN detalhes_atuais AS detalhes ON detalhes.hk_pessoa = lead_records.hk_pessoa
GROUP BY lead_records.hk_pessoa, lead_records.hk_produtor, produtor.producer_id, detalhes.nome, detalhes.email, detalhes.telefone
