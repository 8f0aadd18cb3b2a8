-- vault hub: hub_customer (models/vault.yml:9:5)
-- Inserts the business keys the hub does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source, then business key).
-- Insert-only: a key keeps its first-seen load time and source forever.
-- The zero key (the unknown member: null or blank business keys) gets the business key
-- loading: unknown-member-key gives, whatever bad value came first.
INSERT INTO "iceberg"."shop_silver"."hub_customer" ("hk_customer", "customer_id", "load_datetime", "record_source")
WITH
staged AS (
    SELECT "hk_customer", CASE WHEN "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "customer_id" END AS "customer_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_customers"
    UNION ALL
    SELECT "hk_customer", CASE WHEN "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "customer_id" END AS "customer_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_customer_addresses"
    UNION ALL
    SELECT "hk_customer", CASE WHEN "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "customer_id" END AS "customer_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_order_lines"
    UNION ALL
    SELECT "hk_customer", CASE WHEN "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "customer_id" END AS "customer_id", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_customer_duplicates"
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_customer"
            ORDER BY "load_datetime", "record_source", "customer_id") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_customer", "customer_id", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_customer" AS existing
      WHERE existing."hk_customer" = first_seen."hk_customer")
