-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Maintains iceberg.silver.hub_produtor: collects column statistics for the cost-based optimizer.
ANALYZE "iceberg"."silver"."hub_produtor"
