-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maintains iceberg.silver.hub_pessoa_records: collects column statistics for the cost-based optimizer.
ANALYZE "iceberg"."silver"."hub_pessoa_records"
