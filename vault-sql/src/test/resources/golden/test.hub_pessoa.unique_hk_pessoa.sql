-- vault test: hub_pessoa.unique(hk_pessoa)
-- every hash key of the hub appears once
SELECT "hk_pessoa", count(*) AS occurrences
FROM "iceberg"."silver"."hub_pessoa"
GROUP BY "hk_pessoa"
HAVING count(*) > 1
