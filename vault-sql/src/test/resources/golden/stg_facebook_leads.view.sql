-- vault stage: stg_facebook_leads (models/staging/stg_leads.yml:25:5)
-- Staging view over iceberg.bronze.facebook_ads_leads: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."silver"."stg_facebook_leads" AS
WITH
source AS (
    SELECT
        "leadgen_id",
        "full_name",
        "email",
        "phone_number",
        "producer_id",
        "campaign_name",
        "ad_id",
        "created_time",
        "_loaded_at"
    FROM "iceberg"."bronze"."facebook_ads_leads"
),
derived_1 AS (
    SELECT
        *,
        nullif(trim(full_name), '') AS "nome",
        nullif(lower(trim(email)), '') AS "email_normalizado",
        nullif(regexp_replace(phone_number, '[^0-9]', ''), '') AS "telefone_digitos",
        created_time AS "lead_at"
    FROM source
),
derived_2 AS (
    SELECT
        *,
        CASE WHEN length(telefone_digitos) IN (12, 13) AND starts_with(telefone_digitos, '55') THEN substr(telefone_digitos, 3) ELSE telefone_digitos END AS "telefone"
    FROM derived_1
),
derived_3 AS (
    SELECT
        *,
        coalesce(email_normalizado, telefone) AS "person_key"
    FROM derived_2
),
hash_input AS (
    SELECT
        *,
        CAST("_loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'facebook_ads' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("person_key" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_pessoa$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("producer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_produtor$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("person_key" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("producer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_pessoa_produtor$input",
        concat_ws('|', CASE WHEN "email_normalizado" IS NULL THEN NULL ELSE 'email_normalizado=' || replace(replace(trim(CAST("email_normalizado" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "nome" IS NULL THEN NULL ELSE 'nome=' || replace(replace(trim(CAST("nome" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "telefone" IS NULL THEN NULL ELSE 'telefone=' || replace(replace(trim(CAST("telefone" AS varchar)), '\', '\\'), '|', '\|') END) AS "hd_pessoa_detalhes$input"
    FROM derived_3
)
SELECT
    "leadgen_id",
    "full_name",
    "email",
    "phone_number",
    "producer_id",
    "campaign_name",
    "ad_id",
    "created_time",
    "_loaded_at",
    "nome",
    "email_normalizado",
    "telefone_digitos",
    "telefone",
    "person_key",
    "lead_at",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_pessoa$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_pessoa$input"))) END AS "hk_pessoa",
    CASE WHEN "hk_produtor$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_produtor$input"))) END AS "hk_produtor",
    CASE WHEN "hk_pessoa_produtor$input" = '\N|\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_pessoa_produtor$input"))) END AS "hk_pessoa_produtor",
    to_hex(sha256(to_utf8("hd_pessoa_detalhes$input"))) AS "hd_pessoa_detalhes"
FROM hash_input
