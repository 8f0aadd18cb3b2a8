-- vault test: sat_product.ghost_record
-- the satellite holds its ghost record exactly once
SELECT count(*) AS ghost_rows
FROM "iceberg"."shop_silver"."sat_product"
WHERE "hk_product" = '0000000000000000000000000000000000000000000000000000000000000000'
  AND "record_source" = 'SYSTEM'
  AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC'
HAVING count(*) <> 1
