-- vault test: hub_customer.unique(hk_customer)
-- every hash key of the hub appears once
SELECT "hk_customer", count(*) AS occurrences
FROM "iceberg"."shop_silver"."hub_customer"
GROUP BY "hk_customer"
HAVING count(*) > 1
