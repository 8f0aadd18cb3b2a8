-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Inserts the new persons. Insert-only: a person keeps its first load time and source.
INSERT INTO "iceberg"."silver"."hub_pessoa" ("hk_pessoa", "founding_record", "load_datetime", "record_source")
SELECT DISTINCT person, founder, founder_load, founder_source
FROM "iceberg"."silver"."hub_pessoa_work_resolution" AS resolution
WHERE new_person
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_pessoa" AS existing
      WHERE existing."hk_pessoa" = resolution.person)
