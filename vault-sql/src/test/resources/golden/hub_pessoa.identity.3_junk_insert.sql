-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Reports key values, emails and phones shared by more than 50 distinct records
-- (a test email, a call centre's phone); they and the keys built from them are left out of matching.
INSERT INTO "iceberg"."silver"."hub_pessoa_junk_keys" ("key_name", "key_value", "sample", "records", "load_datetime")
WITH batch_values AS (
    -- only a value of the batch has more records than before; its sample comes from the batch
    SELECT key_name, key_value, min(sample) AS sample
    FROM "iceberg"."silver"."hub_pessoa_work_batch_keys"
    GROUP BY key_name, key_value
)
SELECT candidate."key_name" AS key_name, candidate."key_value" AS key_value, batch_values.sample, count(*), max(candidate."load_datetime")
FROM "iceberg"."silver"."hub_pessoa_keys" AS candidate
JOIN batch_values ON batch_values.key_name = candidate."key_name" AND batch_values.key_value = candidate."key_value"
GROUP BY candidate."key_name", candidate."key_value", batch_values.sample
HAVING count(*) > 50
   AND NOT EXISTS (
       SELECT 1
       FROM "iceberg"."silver"."hub_pessoa_junk_keys" AS junk
       WHERE junk."key_name" = candidate."key_name" AND junk."key_value" = candidate."key_value")
