-- vault stage: stg_product_catalog (models/staging.yml:20:5)
-- Staging view over iceberg.shop_bronze.product_catalog: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_product_catalog"
COMMENT 'vault stage stg_product_catalog, models/staging.yml:20:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "product_id",
        "title",
        "price",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."product_catalog"
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'shop.catalog' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("product_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_product$input",
        concat_ws('|', CASE WHEN "price" IS NULL THEN NULL ELSE 'price=' || replace(replace(trim(CAST("price" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "title" IS NULL THEN NULL ELSE 'title=' || replace(replace(trim(CAST("title" AS varchar)), '\', '\\'), '|', '\|') END) AS "hd_product$input"
    FROM source
)
SELECT
    "product_id",
    "title",
    "price",
    "loaded_at",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_product$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_product$input"))) END AS "hk_product",
    to_hex(sha256(to_utf8("hd_product$input"))) AS "hd_product"
FROM hash_input
