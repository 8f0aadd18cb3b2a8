-- vault test: esat_customer_manager.unique(hk_customer_manager, load_datetime)
-- one row per key and load_datetime
SELECT "hk_customer_manager", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."esat_customer_manager"
GROUP BY "hk_customer_manager", "load_datetime"
HAVING count(*) > 1
