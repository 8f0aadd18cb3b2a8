-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: every matching key value of every record.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_keys" AS
SELECT "identity_record", key_name, key_value, min(sample) AS sample, max("load_datetime") AS "load_datetime"
FROM (
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample
    FROM "iceberg"."silver"."stg_crm_contacts"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email"),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"))]) AS matching (key_name, key_value, sample)
    WHERE key_value IS NOT NULL
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample
    FROM "iceberg"."silver"."stg_facebook_leads"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email"),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"))]) AS matching (key_name, key_value, sample)
    WHERE key_value IS NOT NULL
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample
    FROM "iceberg"."silver"."stg_google_leads"
    CROSS JOIN UNNEST(ARRAY[
        ROW('email', "identity_key_email", "identity_email"),
        ROW('name_phone', "identity_key_name_phone", concat_ws(' / ', "identity_name", "identity_phone"))]) AS matching (key_name, key_value, sample)
    WHERE key_value IS NOT NULL
)
GROUP BY "identity_record", key_name, key_value
