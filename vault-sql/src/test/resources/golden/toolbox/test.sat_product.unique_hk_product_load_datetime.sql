-- vault test: sat_product.unique(hk_product, load_datetime)
-- one row per key and load_datetime
SELECT "hk_product", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."sat_product"
GROUP BY "hk_product", "load_datetime"
HAVING count(*) > 1
