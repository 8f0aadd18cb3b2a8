-- vault stage: stg_customer_duplicates (models/staging.yml:34:5)
-- Staging view over iceberg.shop_bronze.customer_duplicates: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_customer_duplicates"
COMMENT 'vault stage stg_customer_duplicates, models/staging.yml:34:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "customer_id",
        "duplicate_of",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."customer_duplicates"
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'shop.dedup' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("duplicate_of" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer_master$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer_duplicate$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("duplicate_of" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer_same_as$input"
    FROM source
)
SELECT
    "customer_id",
    "duplicate_of",
    "loaded_at",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_customer$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer$input"))) END AS "hk_customer",
    CASE WHEN "hk_customer_master$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer_master$input"))) END AS "hk_customer_master",
    CASE WHEN "hk_customer_duplicate$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer_duplicate$input"))) END AS "hk_customer_duplicate",
    CASE WHEN "hk_customer_same_as$input" = '\N|\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer_same_as$input"))) END AS "hk_customer_same_as"
FROM hash_input
