-- vault test: link_customer_manager.unique(hk_customer_manager)
-- every hash key of the link appears once
SELECT "hk_customer_manager", count(*) AS occurrences
FROM "iceberg"."shop_silver"."link_customer_manager"
GROUP BY "hk_customer_manager"
HAVING count(*) > 1
