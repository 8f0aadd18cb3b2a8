-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maps the records seen for the first time to their person.
INSERT INTO "iceberg"."silver"."hub_pessoa_records" ("identity_record", "hk_pessoa", "load_datetime", "record_source")
SELECT "identity_record", person, first_load, first_source
FROM "iceberg"."silver"."hub_pessoa_work_resolution" AS resolution
WHERE mapped_person IS NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_pessoa_records" AS existing
      WHERE existing."identity_record" = resolution."identity_record")
