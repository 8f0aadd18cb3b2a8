-- vault test: sat_product.hk_product in hub_product
-- every hk_product of sat_product is a key of hub_product
SELECT child.*
FROM "iceberg"."shop_silver"."sat_product" AS child
WHERE child."hk_product" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_product" AS parent
      WHERE parent."hk_product" = child."hk_product")
  AND NOT (child."hk_product" = '0000000000000000000000000000000000000000000000000000000000000000' AND child."record_source" = 'SYSTEM')
