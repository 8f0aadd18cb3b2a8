-- vault test: sat_customer.unique(hk_customer, load_datetime)
-- one row per key and load_datetime
SELECT "hk_customer", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."sat_customer"
GROUP BY "hk_customer", "load_datetime"
HAVING count(*) > 1
