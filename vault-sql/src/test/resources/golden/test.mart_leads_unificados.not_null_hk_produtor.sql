-- vault test: mart_leads_unificados.not_null(hk_produtor)
-- no hk_produtor of mart_leads_unificados is null (models/gold/marts.yml:12:17)
SELECT *
FROM "iceberg"."gold"."mart_leads_unificados"
WHERE "hk_produtor" IS NULL
