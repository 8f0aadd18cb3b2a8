-- vault test: rts_product_catalog.hk_product in hub_product
-- every hk_product of rts_product_catalog is a key of hub_product
SELECT child.*
FROM "iceberg"."shop_silver"."rts_product_catalog" AS child
WHERE child."hk_product" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_product" AS parent
      WHERE parent."hk_product" = child."hk_product")
