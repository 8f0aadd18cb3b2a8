-- vault hub: hub_product (models/vault.yml:16:5)
-- Inserts the business keys the hub does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source, then business key).
-- Insert-only: a key keeps its first-seen load time and source forever.
-- The zero key (the unknown member: null or blank business keys) gets the business key
-- loading: unknown-member-key gives, whatever bad value came first.
INSERT INTO "iceberg"."shop_silver"."hub_product" ("hk_product", "product_id", "load_datetime", "record_source")
WITH
staged AS (
    SELECT "hk_product", CASE WHEN "hk_product" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "product_id" END AS "product_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_product_catalog"
    UNION ALL
    SELECT "hk_product", CASE WHEN "hk_product" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "product_id" END AS "product_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_order_lines"
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_product"
            ORDER BY "load_datetime", "record_source", "product_id") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_product", "product_id", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_product" AS existing
      WHERE existing."hk_product" = first_seen."hk_product")
