-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maintains iceberg.silver.hub_pessoa_records: deletes files in its location older than 7d that no snapshot
-- references (left by failed writes).
ALTER TABLE "iceberg"."silver"."hub_pessoa_records" EXECUTE remove_orphan_files(retention_threshold => '7d')
