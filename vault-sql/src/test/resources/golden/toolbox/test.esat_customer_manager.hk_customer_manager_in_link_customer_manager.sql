-- vault test: esat_customer_manager.hk_customer_manager in link_customer_manager
-- every hk_customer_manager of esat_customer_manager is a key of link_customer_manager
SELECT child.*
FROM "iceberg"."shop_silver"."esat_customer_manager" AS child
WHERE child."hk_customer_manager" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."link_customer_manager" AS parent
      WHERE parent."hk_customer_manager" = child."hk_customer_manager")
