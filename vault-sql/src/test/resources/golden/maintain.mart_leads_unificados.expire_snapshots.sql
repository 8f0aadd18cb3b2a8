-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Maintains iceberg.gold.mart_leads_unificados: removes snapshots older than 7d but the 5 newest, and the files only they used;
-- time travel to them ends. The current snapshot always stays.
ALTER TABLE "iceberg"."gold"."mart_leads_unificados" EXECUTE expire_snapshots(retention_threshold => '7d', retain_last => 5)
