-- vault link: link_customer_manager (models/vault.yml:30:5)
-- Inserts the key combinations the link does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source). Insert-only.
INSERT INTO "iceberg"."shop_silver"."link_customer_manager" ("hk_customer_manager", "hk_customer", "hk_manager", "load_datetime", "record_source")
WITH
staged AS (
    SELECT staged."hk_customer_manager", staged."hk_customer", staged."hk_manager", staged."load_datetime", staged."record_source"
    FROM "iceberg"."shop_silver"."stg_customers" AS staged
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_customer_manager"
            ORDER BY "load_datetime", "record_source", "hk_customer", "hk_manager") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_customer_manager", "hk_customer", "hk_manager", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."link_customer_manager" AS existing
      WHERE existing."hk_customer_manager" = first_seen."hk_customer_manager")
