-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Maintains iceberg.silver.sat_pessoa_detalhes: rewrites its manifests so that planning a query reads few of them.
ALTER TABLE "iceberg"."silver"."sat_pessoa_detalhes" EXECUTE optimize_manifests
