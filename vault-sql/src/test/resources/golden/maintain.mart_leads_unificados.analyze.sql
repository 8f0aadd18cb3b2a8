-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Maintains iceberg.gold.mart_leads_unificados: collects column statistics for the cost-based optimizer.
ANALYZE "iceberg"."gold"."mart_leads_unificados"
