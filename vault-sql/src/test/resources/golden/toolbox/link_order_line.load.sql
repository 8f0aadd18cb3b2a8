-- vault non-historized link: link_order_line (models/vault.yml:47:5)
-- Non-historized link: inserts the events the link does not have yet, each with its payload,
-- load_datetime and record_source as first staged (ties broken by record_source, then by
-- the payload, so the row kept never depends on the engine). Events never change: a later
-- row with the same key is ignored. Insert-only.
INSERT INTO "iceberg"."shop_silver"."link_order_line" ("hk_order_line", "hk_customer", "hk_product", "load_datetime", "record_source", "order_id", "line_no", "quantity", "amount", "ordered_at")
WITH
staged AS (
    SELECT staged."hk_order_line", staged."hk_customer", staged."hk_product", staged."order_id", staged."line_no", staged."quantity", staged."amount", staged."ordered_at", staged."load_datetime", staged."record_source"
    FROM "iceberg"."shop_silver"."stg_order_lines" AS staged
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_order_line"
            ORDER BY "load_datetime", "record_source", "hk_customer", "hk_product", "order_id", "line_no", "quantity", "amount", "ordered_at") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_order_line", "hk_customer", "hk_product", "load_datetime", "record_source", "order_id", "line_no", "quantity", "amount", "ordered_at"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."link_order_line" AS existing
      WHERE existing."hk_order_line" = first_seen."hk_order_line")
