-- vault test: link_order_line.hk_customer in hub_customer
-- every hk_customer of link_order_line is a key of hub_customer
SELECT child.*
FROM "iceberg"."shop_silver"."link_order_line" AS child
WHERE child."hk_customer" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_customer" AS parent
      WHERE parent."hk_customer" = child."hk_customer")
