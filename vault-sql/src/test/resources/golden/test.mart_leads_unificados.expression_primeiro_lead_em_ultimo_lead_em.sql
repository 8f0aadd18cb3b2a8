-- vault test: mart_leads_unificados.expression(primeiro_lead_em <= ultimo_lead_em)
-- primeiro_lead_em <= ultimo_lead_em holds for every row of mart_leads_unificados (models/gold/marts.yml:17:9)
-- The expression is the model's SQL, run as written; a row where it is false or null fails.
SELECT *
FROM "iceberg"."gold"."mart_leads_unificados"
WHERE NOT coalesce((primeiro_lead_em <= ultimo_lead_em), false)
