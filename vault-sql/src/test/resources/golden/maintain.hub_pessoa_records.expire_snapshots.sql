-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maintains iceberg.silver.hub_pessoa_records: removes snapshots older than 7d but the 5 newest, and the files only they used;
-- time travel to them ends. The current snapshot always stays.
ALTER TABLE "iceberg"."silver"."hub_pessoa_records" EXECUTE expire_snapshots(retention_threshold => '7d', retain_last => 5)
