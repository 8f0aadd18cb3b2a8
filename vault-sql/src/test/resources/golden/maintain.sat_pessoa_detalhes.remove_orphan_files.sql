-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Maintains iceberg.silver.sat_pessoa_detalhes: deletes files in its location older than 7d that no snapshot
-- references (left by failed writes).
ALTER TABLE "iceberg"."silver"."sat_pessoa_detalhes" EXECUTE remove_orphan_files(retention_threshold => '7d')
