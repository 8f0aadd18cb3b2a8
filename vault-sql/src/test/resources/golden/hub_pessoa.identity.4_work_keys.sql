-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: every kept key value, email, phone and block of the records in scope.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_keys" AS
SELECT kept."identity_record", kept."key_name" AS key_name, kept."key_value" AS key_value, kept."is_matching" AS is_matching,
    kept."email_part" AS email_part, kept."phone_part" AS phone_part
FROM "iceberg"."silver"."hub_pessoa_keys" AS kept
JOIN "iceberg"."silver"."hub_pessoa_work_records" AS records ON records."identity_record" = kept."identity_record"
