-- Unified leads: one row per person (hub_pessoa) and producer (hub_produtor).
WITH lead_records AS (
    SELECT hk_pessoa, hk_produtor, record_source, lead_at FROM {{ ref('stg_crm_contacts') }}
    UNION ALL
    SELECT hk_pessoa, hk_produtor, record_source, lead_at FROM {{ ref('stg_facebook_leads') }}
    UNION ALL
    SELECT hk_pessoa, hk_produtor, record_source, lead_at FROM {{ ref('stg_google_leads') }}
),
detalhes_atuais AS (
    -- the latest non-empty value of each attribute: one source may leave a field blank
    SELECT
        hk_pessoa,
        max_by(nome, load_datetime) FILTER (WHERE nome IS NOT NULL) AS nome,
        max_by(email_normalizado, load_datetime) FILTER (WHERE email_normalizado IS NOT NULL) AS email,
        max_by(telefone, load_datetime) FILTER (WHERE telefone IS NOT NULL) AS telefone
    FROM {{ ref('sat_pessoa_detalhes') }}
    GROUP BY hk_pessoa
)
SELECT
    link.hk_pessoa,
    link.hk_produtor,
    pessoa.person_key AS chave_pessoa,
    produtor.producer_id AS id_produtor,
    detalhes.nome,
    detalhes.email,
    detalhes.telefone,
    min(lead_records.lead_at) AS primeiro_lead_em,
    max(lead_records.lead_at) AS ultimo_lead_em,
    count(*) AS registros_origem,
    array_join(array_sort(array_agg(DISTINCT lead_records.record_source)), ', ') AS origens
FROM {{ ref('link_pessoa_produtor') }} AS link
JOIN {{ ref('hub_pessoa') }} AS pessoa ON pessoa.hk_pessoa = link.hk_pessoa
JOIN {{ ref('hub_produtor') }} AS produtor ON produtor.hk_produtor = link.hk_produtor
JOIN lead_records ON lead_records.hk_pessoa = link.hk_pessoa AND lead_records.hk_produtor = link.hk_produtor
LEFT JOIN detalhes_atuais AS detalhes ON detalhes.hk_pessoa = link.hk_pessoa
GROUP BY link.hk_pessoa, link.hk_produtor, pessoa.person_key, produtor.producer_id, detalhes.nome, detalhes.email, detalhes.telefone
