-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Maintains iceberg.gold.mart_leads_unificados: deletes files in its location older than 7d that no snapshot
-- references (left by failed writes).
ALTER TABLE "iceberg"."gold"."mart_leads_unificados" EXECUTE remove_orphan_files(retention_threshold => '7d')
