-- vault link: link_pessoa_produtor (models/silver/links.yml:2:5)
-- Inserts the key combinations the link does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source). Insert-only.
INSERT INTO "iceberg"."silver"."link_pessoa_produtor" ("hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source")
WITH
staged AS (
    SELECT resolved."hk_pessoa" AS "hk_pessoa", staged."hk_produtor", staged."load_datetime", staged."record_source"
    FROM "iceberg"."silver"."stg_crm_contacts" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT resolved."hk_pessoa" AS "hk_pessoa", staged."hk_produtor", staged."load_datetime", staged."record_source"
    FROM "iceberg"."silver"."stg_facebook_leads" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT resolved."hk_pessoa" AS "hk_pessoa", staged."hk_produtor", staged."load_datetime", staged."record_source"
    FROM "iceberg"."silver"."stg_google_leads" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
),
keyed AS (
    -- the parents' keys are resolved persons: the link key is the hash of the parents' keys
    SELECT to_hex(sha256(to_utf8(concat_ws('|', "hk_pessoa", "hk_produtor")))) AS "hk_pessoa_produtor", *
    FROM staged
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_pessoa_produtor"
            ORDER BY "load_datetime", "record_source", "hk_pessoa", "hk_produtor") AS "first_seen$rank"
    FROM keyed
)
SELECT "hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."link_pessoa_produtor" AS existing
      WHERE existing."hk_pessoa_produtor" = first_seen."hk_pessoa_produtor")
