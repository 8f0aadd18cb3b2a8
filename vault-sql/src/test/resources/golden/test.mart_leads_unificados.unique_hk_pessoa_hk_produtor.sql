-- vault test: mart_leads_unificados.unique(hk_pessoa, hk_produtor)
-- every combination of hk_pessoa, hk_produtor of mart_leads_unificados appears once, nulls aside (models/gold/marts.yml:16:9)
SELECT "hk_pessoa", "hk_produtor", count(*) AS occurrences
FROM "iceberg"."gold"."mart_leads_unificados"
WHERE "hk_pessoa" IS NOT NULL
  AND "hk_produtor" IS NOT NULL
GROUP BY "hk_pessoa", "hk_produtor"
HAVING count(*) > 1
