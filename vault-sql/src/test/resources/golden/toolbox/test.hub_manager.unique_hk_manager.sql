-- vault test: hub_manager.unique(hk_manager)
-- every hash key of the hub appears once
SELECT "hk_manager", count(*) AS occurrences
FROM "iceberg"."shop_silver"."hub_manager"
GROUP BY "hk_manager"
HAVING count(*) > 1
