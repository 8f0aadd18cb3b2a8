-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Maintains iceberg.silver.hub_produtor: deletes files in its location older than 7d that no snapshot
-- references (left by failed writes).
ALTER TABLE "iceberg"."silver"."hub_produtor" EXECUTE remove_orphan_files(retention_threshold => '7d')
