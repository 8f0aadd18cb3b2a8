-- Unified leads: one row per person (hub_pessoa, merges resolved) and producer (hub_produtor).
WITH merged AS (
    -- a person merged into an older one counts as that one (sal_pessoa: the latest row names the master)
    SELECT hk_pessoa_duplicate, max_by(hk_pessoa_master, load_datetime) AS hk_pessoa_master
    FROM {{ ref('sal_pessoa') }}
    GROUP BY hk_pessoa_duplicate
),
pessoa_atual AS (
    SELECT pessoa.hk_pessoa, coalesce(merged.hk_pessoa_master, pessoa.hk_pessoa) AS hk_pessoa_atual
    FROM {{ ref('hub_pessoa') }} AS pessoa
    LEFT JOIN merged ON merged.hk_pessoa_duplicate = pessoa.hk_pessoa
),
lead_records AS (
    -- every source record with its current person
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM {{ ref('stg_crm_contacts') }} AS stg
    JOIN {{ ref('hub_pessoa_resolved') }} AS resolved ON resolved.identity_record = stg.identity_record
    UNION ALL
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM {{ ref('stg_facebook_leads') }} AS stg
    JOIN {{ ref('hub_pessoa_resolved') }} AS resolved ON resolved.identity_record = stg.identity_record
    UNION ALL
    SELECT resolved.hk_pessoa, stg.hk_produtor, stg.record_source, stg.lead_at
    FROM {{ ref('stg_google_leads') }} AS stg
    JOIN {{ ref('hub_pessoa_resolved') }} AS resolved ON resolved.identity_record = stg.identity_record
),
detalhes_atuais AS (
    -- the latest non-empty value of each attribute over all the person's records
    SELECT
        atual.hk_pessoa_atual AS hk_pessoa,
        element_at(array_agg(sat.nome ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.nome IS NOT NULL), 1) AS nome,
        element_at(array_agg(sat.email_normalizado ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.email_normalizado IS NOT NULL), 1) AS email,
        element_at(array_agg(sat.telefone ORDER BY sat.load_datetime DESC, sat.identity_record DESC) FILTER (WHERE sat.telefone IS NOT NULL), 1) AS telefone
    FROM {{ ref('sat_pessoa_detalhes') }} AS sat
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
JOIN {{ ref('hub_produtor') }} AS produtor ON produtor.hk_produtor = lead_records.hk_produtor
LEFT JOIN detalhes_atuais AS detalhes ON detalhes.hk_pessoa = lead_records.hk_pessoa
GROUP BY lead_records.hk_pessoa, lead_records.hk_produtor, produtor.producer_id, detalhes.nome, detalhes.email, detalhes.telefone
