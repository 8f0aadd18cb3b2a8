-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: every matching key value of every record of the batch, its email and phone alone, and its blocks.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_batch_keys" AS
SELECT "identity_record", key_name, key_value, min(sample) AS sample, bool_or(is_matching) AS is_matching,
    min(email_part) AS email_part, min(phone_part) AS phone_part, max("load_datetime") AS "load_datetime"
FROM (
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample, is_matching, email_part, phone_part
    FROM "iceberg"."silver"."stg_crm_contacts"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email", true, IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), CAST(NULL AS varchar)),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"), true, CAST(NULL AS varchar), IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone"))))),
        ROW('email', IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), "identity_email", false, CAST(NULL AS varchar), CAST(NULL AS varchar)),
        ROW('phone', IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone")))), "identity_phone", false, CAST(NULL AS varchar), CAST(NULL AS varchar))]) AS keyed (key_name, key_value, sample, is_matching, email_part, phone_part)
    WHERE key_value IS NOT NULL
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample, is_matching, email_part, phone_part
    FROM "iceberg"."silver"."stg_facebook_leads"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email", true, IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), CAST(NULL AS varchar)),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"), true, CAST(NULL AS varchar), IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone"))))),
        ROW('email', IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), "identity_email", false, CAST(NULL AS varchar), CAST(NULL AS varchar)),
        ROW('phone', IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone")))), "identity_phone", false, CAST(NULL AS varchar), CAST(NULL AS varchar))]) AS keyed (key_name, key_value, sample, is_matching, email_part, phone_part)
    WHERE key_value IS NOT NULL
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample, is_matching, email_part, phone_part
    FROM "iceberg"."silver"."stg_google_leads"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email", true, IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), CAST(NULL AS varchar)),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"), true, CAST(NULL AS varchar), IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone"))))),
        ROW('email', IF("identity_email" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || "identity_email")))), "identity_email", false, CAST(NULL AS varchar), CAST(NULL AS varchar)),
        ROW('phone', IF("identity_phone" IS NOT NULL, to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || "identity_phone")))), "identity_phone", false, CAST(NULL AS varchar), CAST(NULL AS varchar))]) AS keyed (key_name, key_value, sample, is_matching, email_part, phone_part)
    WHERE key_value IS NOT NULL
)
GROUP BY "identity_record", key_name, key_value
