-- vault stage: stg_order_lines (models/staging.yml:27:5)
-- Staging view over iceberg.shop_bronze.order_lines: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_order_lines"
COMMENT 'vault stage stg_order_lines, models/staging.yml:27:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "order_id",
        "line_no",
        "customer_id",
        "product_id",
        "quantity",
        "amount",
        "ordered_at",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."order_lines"
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'shop.orders' AS "record_source",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_customer$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("product_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_product$input",
        concat_ws('|', coalesce(replace(replace(upper(nullif(trim(CAST("customer_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("product_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("order_id" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N'), coalesce(replace(replace(upper(nullif(trim(CAST("line_no" AS varchar)), '')), '\', '\\'), '|', '\|'), '\N')) AS "hk_order_line$input"
    FROM source
)
SELECT
    "order_id",
    "line_no",
    "customer_id",
    "product_id",
    "quantity",
    "amount",
    "ordered_at",
    "loaded_at",
    "load_datetime",
    "record_source",
    CASE WHEN "hk_customer$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_customer$input"))) END AS "hk_customer",
    CASE WHEN "hk_product$input" = '\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_product$input"))) END AS "hk_product",
    CASE WHEN "hk_order_line$input" = '\N|\N|\N|\N' THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE to_hex(sha256(to_utf8("hk_order_line$input"))) END AS "hk_order_line"
FROM hash_input
