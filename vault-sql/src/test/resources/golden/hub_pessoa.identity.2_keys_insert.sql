-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Keeps the key values of the batch that no record had before: idempotent, so a batch read twice adds nothing.
INSERT INTO "iceberg"."silver"."hub_pessoa_keys" ("identity_record", "key_name", "key_value", "is_matching", "email_part", "phone_part", "load_datetime")
SELECT "identity_record", key_name, key_value, is_matching, email_part, phone_part, "load_datetime"
FROM "iceberg"."silver"."hub_pessoa_work_batch_keys" AS batch
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."silver"."hub_pessoa_keys" AS existing
    WHERE existing."identity_record" = batch."identity_record" AND existing."key_name" = batch.key_name AND existing."key_value" = batch.key_value)
