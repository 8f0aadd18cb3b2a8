-- vault test: mart_leads_unificados.not_null(hk_pessoa)
-- no hk_pessoa of mart_leads_unificados is null (models/gold/marts.yml:10:17)
SELECT *
FROM "iceberg"."gold"."mart_leads_unificados"
WHERE "hk_pessoa" IS NULL
