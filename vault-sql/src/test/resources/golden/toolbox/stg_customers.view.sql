-- vault stage: stg_customers (models/staging.yml:2:5)
-- Staging view over iceberg.shop_bronze.customers: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_customers"
COMMENT 'vault stage stg_customers, models/staging.yml:2:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "customer_id",
        "full_name",
        "email",
        "country_code",
        "account_manager_id",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."customers"
),
derived_1 AS (
    SELECT
        *,
        nullif(lower(trim(email)), '') AS "email_clean"
    FROM source
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'shop.customers' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("account_manager_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_manager$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("account_manager_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer_manager$input",
        concat_ws('|', CASE WHEN "country_code" IS NULL THEN NULL ELSE 'country_code=' || replace(replace(trim(CAST("country_code" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "email_clean" IS NULL THEN NULL ELSE 'email_clean=' || replace(replace(trim(CAST("email_clean" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "full_name" IS NULL THEN NULL ELSE 'full_name=' || replace(replace(trim(CAST("full_name" AS varchar)), '\', '\\'), '|', '\|') END) AS "hd_customer$input"
    FROM derived_1
)
SELECT
    "customer_id",
    "full_name",
    "email",
    "country_code",
    "account_manager_id",
    "loaded_at",
    "email_clean",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_customer$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer$input"))) END AS "hk_customer",
    CASE WHEN "hk_manager$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_manager$input"))) END AS "hk_manager",
    CASE WHEN "hk_customer_manager$input" = '\N|\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer_manager$input"))) END AS "hk_customer_manager",
    to_hex(sha256(to_utf8("hd_customer$input"))) AS "hd_customer"
FROM hash_input
