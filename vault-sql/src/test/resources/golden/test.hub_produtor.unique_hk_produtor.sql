-- vault test: hub_produtor.unique(hk_produtor)
-- every hash key of the hub appears once
SELECT "hk_produtor", count(*) AS occurrences
FROM "iceberg"."silver"."hub_produtor"
GROUP BY "hk_produtor"
HAVING count(*) > 1
