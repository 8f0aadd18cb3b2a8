-- vault test: mart_leads_unificados.expression(registros_origem >= 1)
-- registros_origem >= 1 holds for every row of mart_leads_unificados (models/gold/marts.yml:14:19)
-- The expression is the model's SQL, run as written; a row where it is false or null fails.
SELECT *
FROM "iceberg"."gold"."mart_leads_unificados"
WHERE NOT coalesce((registros_origem >= 1), false)
