-- vault test: sal_customer.hk_customer_duplicate in hub_customer
-- every hk_customer_duplicate of sal_customer is a key of hub_customer
SELECT child.*
FROM "iceberg"."shop_silver"."sal_customer" AS child
WHERE child."hk_customer_duplicate" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_customer" AS parent
      WHERE parent."hk_customer" = child."hk_customer_duplicate")
