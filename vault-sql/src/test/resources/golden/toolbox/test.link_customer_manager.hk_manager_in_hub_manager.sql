-- vault test: link_customer_manager.hk_manager in hub_manager
-- every hk_manager of link_customer_manager is a key of hub_manager
SELECT child.*
FROM "iceberg"."shop_silver"."link_customer_manager" AS child
WHERE child."hk_manager" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_manager" AS parent
      WHERE parent."hk_manager" = child."hk_manager")
