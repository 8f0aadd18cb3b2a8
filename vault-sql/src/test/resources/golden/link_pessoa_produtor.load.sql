-- vault link: link_pessoa_produtor (models/silver/links.yml:2:5)
-- Inserts the key combinations the link does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source). Insert-only.
INSERT INTO "iceberg"."silver"."link_pessoa_produtor" ("hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source")
WITH
staged AS (
    SELECT "hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_crm_contacts"
    UNION ALL
    SELECT "hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_facebook_leads"
    UNION ALL
    SELECT "hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_google_leads"
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_pessoa_produtor"
            ORDER BY "load_datetime", "record_source", "hk_pessoa", "hk_produtor") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_pessoa_produtor", "hk_pessoa", "hk_produtor", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."link_pessoa_produtor" AS existing
      WHERE existing."hk_pessoa_produtor" = first_seen."hk_pessoa_produtor")
