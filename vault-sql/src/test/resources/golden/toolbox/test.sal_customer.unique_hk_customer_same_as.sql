-- vault test: sal_customer.unique(hk_customer_same_as)
-- every hash key of the link appears once
SELECT "hk_customer_same_as", count(*) AS occurrences
FROM "iceberg"."shop_silver"."sal_customer"
GROUP BY "hk_customer_same_as"
HAVING count(*) > 1
