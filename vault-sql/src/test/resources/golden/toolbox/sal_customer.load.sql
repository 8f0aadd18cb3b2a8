-- vault link: sal_customer (models/vault.yml:37:5)
-- Inserts the key combinations the link does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source). Insert-only.
INSERT INTO "iceberg"."shop_silver"."sal_customer" ("hk_customer_same_as", "hk_customer_master", "hk_customer_duplicate", "load_datetime", "record_source")
WITH
staged AS (
    SELECT staged."hk_customer_same_as", staged."hk_customer_master", staged."hk_customer_duplicate", staged."load_datetime", staged."record_source"
    FROM "iceberg"."shop_silver"."stg_customer_duplicates" AS staged
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_customer_same_as"
            ORDER BY "load_datetime", "record_source", "hk_customer_master", "hk_customer_duplicate") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_customer_same_as", "hk_customer_master", "hk_customer_duplicate", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."sal_customer" AS existing
      WHERE existing."hk_customer_same_as" = first_seen."hk_customer_same_as")
