-- vault test: msat_customer_address.unique(hk_customer, address_type, load_datetime)
-- one row per key and load_datetime
SELECT "hk_customer", "address_type", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."msat_customer_address"
GROUP BY "hk_customer", "address_type", "load_datetime"
HAVING count(*) > 1
