-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: a star per key value, each record linked to the smallest record sharing it (not a clique);
-- junk key values, and keys built from a junk email or phone, left out.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_edges" AS
SELECT DISTINCT vid AS a, star AS b
FROM (
    SELECT records.vid, min(records.vid) OVER (PARTITION BY keyed.key_name, keyed.key_value) AS star
    FROM "iceberg"."silver"."hub_pessoa_work_keys" AS keyed
    JOIN "iceberg"."silver"."hub_pessoa_work_records" AS records ON records."identity_record" = keyed."identity_record"
    WHERE keyed.is_matching
      AND NOT EXISTS (
          SELECT 1
          FROM "iceberg"."silver"."hub_pessoa_junk_keys" AS junk
          WHERE junk."key_name" = keyed.key_name AND junk."key_value" = keyed.key_value
             OR junk."key_name" = 'email' AND junk."key_value" = keyed.email_part
             OR junk."key_name" = 'phone' AND junk."key_value" = keyed.phone_part)
)
WHERE vid <> star
