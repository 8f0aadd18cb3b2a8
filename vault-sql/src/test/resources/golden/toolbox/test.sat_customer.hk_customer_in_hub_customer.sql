-- vault test: sat_customer.hk_customer in hub_customer
-- every hk_customer of sat_customer is a key of hub_customer
SELECT child.*
FROM "iceberg"."shop_silver"."sat_customer" AS child
WHERE child."hk_customer" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."shop_silver"."hub_customer" AS parent
      WHERE parent."hk_customer" = child."hk_customer")
  AND NOT (child."hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' AND child."record_source" = 'SYSTEM')
