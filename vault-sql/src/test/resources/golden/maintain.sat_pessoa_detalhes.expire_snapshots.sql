-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Maintains iceberg.silver.sat_pessoa_detalhes: removes snapshots older than 30d but the 10 newest, and the files only they used;
-- time travel to them ends. The current snapshot always stays.
ALTER TABLE "iceberg"."silver"."sat_pessoa_detalhes" EXECUTE expire_snapshots(retention_threshold => '30d', retain_last => 10)
