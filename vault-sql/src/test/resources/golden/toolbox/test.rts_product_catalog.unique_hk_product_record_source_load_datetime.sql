-- vault test: rts_product_catalog.unique(hk_product, record_source, load_datetime)
-- one row per key and load_datetime
SELECT "hk_product", "record_source", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."rts_product_catalog"
GROUP BY "hk_product", "record_source", "load_datetime"
HAVING count(*) > 1
