-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maintains iceberg.silver.hub_pessoa_records: rewrites its manifests so that planning a query reads few of them.
ALTER TABLE "iceberg"."silver"."hub_pessoa_records" EXECUTE optimize_manifests
