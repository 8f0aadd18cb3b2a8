-- vault stage: stg_customer_addresses (models/staging.yml:13:5)
-- Staging view over iceberg.shop_bronze.customer_addresses: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_customer_addresses"
COMMENT 'vault stage stg_customer_addresses, models/staging.yml:13:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "customer_id",
        "address_type",
        "street",
        "city",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."customer_addresses"
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'shop.addresses' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer$input",
        concat_ws('|', CASE WHEN "city" IS NULL THEN NULL ELSE 'city=' || replace(replace(trim(CAST("city" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "street" IS NULL THEN NULL ELSE 'street=' || replace(replace(trim(CAST("street" AS varchar)), '\', '\\'), '|', '\|') END) AS "hd_customer_address$input"
    FROM source
)
SELECT
    "customer_id",
    "address_type",
    "street",
    "city",
    "loaded_at",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_customer$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer$input"))) END AS "hk_customer",
    to_hex(sha256(to_utf8("hd_customer_address$input"))) AS "hd_customer_address"
FROM hash_input
