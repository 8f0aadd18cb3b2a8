-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Maintains iceberg.silver.sat_pessoa_detalhes: collects column statistics for the cost-based optimizer.
ANALYZE "iceberg"."silver"."sat_pessoa_detalhes"
