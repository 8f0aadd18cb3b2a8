-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: the scope of this run, every record once with a dense number for the clustering:
-- the batch's records, the records sharing a key value or block with them (junk left out),
-- and every record of the persons those belong to.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_records" AS
WITH batch_values AS (
    SELECT DISTINCT key_name, key_value
    FROM "iceberg"."silver"."hub_pessoa_work_batch_keys" AS batch
    WHERE (is_matching)
      AND NOT EXISTS (
          SELECT 1
          FROM "iceberg"."silver"."hub_pessoa_junk_keys" AS junk
          WHERE junk."key_name" = batch.key_name AND junk."key_value" = batch.key_value)
),
touched AS (
    SELECT "identity_record" FROM "iceberg"."silver"."hub_pessoa_work_batch_records"
    UNION
    SELECT kept."identity_record"
    FROM "iceberg"."silver"."hub_pessoa_keys" AS kept
    JOIN batch_values ON batch_values.key_name = kept."key_name" AND batch_values.key_value = kept."key_value"
),
touched_persons AS (
    SELECT DISTINCT resolved."hk_pessoa" AS person
    FROM "iceberg"."silver"."hub_pessoa_resolved" AS resolved
    JOIN touched ON touched."identity_record" = resolved."identity_record"
),
scope AS (
    SELECT "identity_record" FROM touched
    UNION
    SELECT resolved."identity_record"
    FROM "iceberg"."silver"."hub_pessoa_resolved" AS resolved
    JOIN touched_persons ON touched_persons.person = resolved."hk_pessoa"
)
SELECT
    scope."identity_record",
    -- a mapped record keeps the load and source it was first mapped with
    coalesce(mapped."load_datetime", batch.first_load) AS first_load,
    coalesce(mapped."record_source", batch.first_source) AS first_source,
    row_number() OVER (ORDER BY scope."identity_record") AS vid
FROM scope
LEFT JOIN "iceberg"."silver"."hub_pessoa_records" AS mapped ON mapped."identity_record" = scope."identity_record"
LEFT JOIN "iceberg"."silver"."hub_pessoa_work_batch_records" AS batch ON batch."identity_record" = scope."identity_record"
