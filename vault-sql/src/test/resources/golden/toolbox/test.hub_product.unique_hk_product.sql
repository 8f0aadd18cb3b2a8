-- vault test: hub_product.unique(hk_product)
-- every hash key of the hub appears once
SELECT "hk_product", count(*) AS occurrences
FROM "iceberg"."shop_silver"."hub_product"
GROUP BY "hk_product"
HAVING count(*) > 1
