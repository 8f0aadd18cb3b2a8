-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Maintains iceberg.silver.hub_produtor: removes snapshots older than 7d but the 5 newest, and the files only they used;
-- time travel to them ends. The current snapshot always stays.
ALTER TABLE "iceberg"."silver"."hub_produtor" EXECUTE expire_snapshots(retention_threshold => '7d', retain_last => 5)
