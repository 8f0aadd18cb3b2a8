-- vault test: msat_customer_address.hk_customer in hub_customer
-- every hk_customer of msat_customer_address is a key of hub_customer
SELECT child.*
FROM "iceberg"."shop_silver"."msat_customer_address" AS child
WHERE child."hk_customer" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_customer" AS parent
      WHERE parent."hk_customer" = child."hk_customer")
  AND NOT (child."hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' AND child."record_source" = 'SYSTEM')
