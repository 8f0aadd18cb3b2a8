-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Maintains iceberg.silver.hub_produtor: rewrites its manifests so that planning a query reads few of them.
ALTER TABLE "iceberg"."silver"."hub_produtor" EXECUTE optimize_manifests
