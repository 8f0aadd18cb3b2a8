-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Maintains iceberg.gold.mart_leads_unificados: rewrites its manifests so that planning a query reads few of them.
ALTER TABLE "iceberg"."gold"."mart_leads_unificados" EXECUTE optimize_manifests
