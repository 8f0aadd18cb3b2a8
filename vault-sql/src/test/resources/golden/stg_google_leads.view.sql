-- vault stage: stg_google_leads (models/staging/stg_leads.yml:54:5)
-- Staging view over iceberg.bronze.google_ads_leads: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."silver"."stg_google_leads"
COMMENT 'Google Ads leads with normalized contact data and hash keys. (vault stage stg_google_leads, models/staging/stg_leads.yml:54:5); vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "lead_id",
        "full_name",
        "email",
        "phone_number",
        "producer_id",
        "campaign_id",
        "gclid",
        "lead_submit_time",
        "_loaded_at"
    FROM "iceberg"."bronze"."google_ads_leads"
),
derived_1 AS (
    SELECT
        *,
        nullif(trim(full_name), '') AS "nome",
        nullif(lower(trim(email)), '') AS "email_normalizado",
        nullif(regexp_replace(phone_number, '[^0-9]', ''), '') AS "telefone_digitos",
        lead_submit_time AS "lead_at"
    FROM source
),
derived_2 AS (
    SELECT
        *,
        CASE WHEN length(telefone_digitos) IN (12, 13) AND starts_with(telefone_digitos, '55') THEN substr(telefone_digitos, 3) ELSE telefone_digitos END AS "telefone"
    FROM derived_1
),
identity AS (
    -- normalized as IdentityHasher does in Java (identity.ftl): the same keys on both sides
    SELECT
        *,
        element_at(transform(ARRAY[trim(regexp_replace(lower(replace(replace(replace(replace(replace(replace(replace(replace(translate(regexp_replace(normalize(CAST("full_name" AS varchar), NFKD), '[\x{0300}-\x{036F}]', ''), 'øØłŁđĐðÐıħĦŧŦ', 'oOlLdDdDihHtT'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'ß', 'ss'), 'ẞ', 'SS'), 'þ', 'th'), 'Þ', 'TH')), '[^a-z0-9]+', ' '))], text -> IF(text = '', NULL, text)), 1) AS "identity_name",
        element_at(transform(ARRAY[regexp_replace(lower(regexp_replace(normalize(CAST("email" AS varchar), NFKD), '[\x{0300}-\x{036F}]', '')), '[^a-z0-9.!#$%&''*+/=?^_`{}~@\-]', '')], address ->
    IF(strpos(address, '@') > 1 AND length(address) - length(replace(address, '@', '')) = 1,
        element_at(transform(ARRAY[ARRAY[split_part(address, '@', 1), split_part(address, '@', 2)]], parts ->
            IF(strpos(parts[2], '.') > 1 AND substr(parts[2], -1) <> '.',
                element_at(transform(ARRAY[IF(contains(ARRAY['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.com.br', 'hotmail.com.br', 'live.com.br', 'icloud.com', 'me.com', 'mac.com', 'fastmail.com', 'fastmail.fm', 'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me'], parts[2]), regexp_replace(parts[1], '\+.*$', ''), parts[1])], local ->
                    IF(contains(ARRAY['gmail.com', 'googlemail.com'], parts[2]),
                        element_at(transform(ARRAY[replace(local, '.', '')], text -> IF(text = '', NULL, text)), 1) || '@gmail.com',
                        element_at(transform(ARRAY[local], text -> IF(text = '', NULL, text)), 1) || '@' || parts[2])), 1))), 1))), 1) AS "identity_email",
        element_at(transform(ARRAY[regexp_replace(normalize(CAST("phone_number" AS varchar), NFKD), '[^0-9]', '')], digits ->
    element_at(transform(ARRAY[IF(starts_with(digits, '00'), substr(digits, 3), digits)], number ->
        element_at(transform(ARRAY[CASE
                WHEN contains(ARRAY[12, 13], length(number)) AND starts_with(number, '55') THEN substr(number, 3)
                WHEN contains(ARRAY[11, 12], length(number)) AND starts_with(number, '0') THEN substr(number, 2)
                WHEN contains(ARRAY[13, 14], length(number)) AND starts_with(number, '0') THEN substr(number, 4)
                ELSE number END], national ->
            element_at(transform(ARRAY[IF(length(national) = 10 AND substr(national, 3, 1) >= '6', substr(national, 1, 2) || '9' || substr(national, 3), national)], candidate ->
                IF(length(candidate) >= 2 AND substr(candidate, 1, 1) >= '1' AND substr(candidate, 2, 1) >= '1'
                        AND (length(candidate) = 11 AND substr(candidate, 3, 1) = '9' OR length(candidate) = 10 AND substr(candidate, 3, 1) >= '2' AND substr(candidate, 3, 1) <= '5'),
                    candidate)), 1)), 1)), 1)), 1) AS "identity_phone"
    FROM derived_2
),
hash_input AS (
    SELECT
        *,
        CAST("_loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'google_ads' AS "record_source",
        'google_ads|' || concat_ws('|', coalesce(replace(replace(nullif(trim(CAST("lead_id" AS varchar)), ''), '\', '\\'), '|', '\|'), '\N')) AS "identity_record$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("producer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_produtor$input",
        concat_ws('|', CASE WHEN "email_normalizado" IS NULL THEN NULL ELSE 'email_normalizado=' || replace(replace(trim(CAST("email_normalizado" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "nome" IS NULL THEN NULL ELSE 'nome=' || replace(replace(trim(CAST("nome" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "telefone" IS NULL THEN NULL ELSE 'telefone=' || replace(replace(trim(CAST("telefone" AS varchar)), '\', '\\'), '|', '\|') END) AS "hd_pessoa_detalhes$input"
    FROM identity
)
SELECT
    "lead_id",
    "full_name",
    "email",
    "phone_number",
    "producer_id",
    "campaign_id",
    "gclid",
    "lead_submit_time",
    "_loaded_at",
    "nome",
    "email_normalizado",
    "telefone_digitos",
    "telefone",
    "lead_at",
    "load_datetime",
    "record_source",
    to_hex(sha256(to_utf8("identity_record$input"))) AS "identity_record",
    "identity_name",
    "identity_email",
    "identity_phone",
    IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))) AS "identity_key_email",
    IF("identity_name" IS NOT NULL AND "identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|name=' || "identity_name" || '|phone=' || "identity_phone")))) AS "identity_key_name_phone",
    CASE WHEN "hk_produtor$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_produtor$input"))) END AS "hk_produtor",
    to_hex(sha256(to_utf8("hd_pessoa_detalhes$input"))) AS "hd_pessoa_detalhes"
FROM hash_input
