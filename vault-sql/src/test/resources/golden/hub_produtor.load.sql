-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Inserts the business keys the hub does not have yet, each with the load_datetime and
-- record_source of its earliest staged row (ties broken by record_source, then business key).
-- Insert-only: a key keeps its first-seen load time and source forever.
-- The zero key (the unknown member: null or blank business keys) gets the business key
-- loading: unknown-member-key gives, whatever bad value came first.
INSERT INTO "iceberg"."silver"."hub_produtor" ("hk_produtor", "producer_id", "load_datetime", "record_source")
WITH
staged AS (
    SELECT "hk_produtor", CASE WHEN "hk_produtor" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "producer_id" END AS "producer_id", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_crm_contacts"
    UNION ALL
    SELECT "hk_produtor", CASE WHEN "hk_produtor" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "producer_id" END AS "producer_id", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_facebook_leads"
    UNION ALL
    SELECT "hk_produtor", CASE WHEN "hk_produtor" = '0000000000000000000000000000000000000000000000000000000000000000' THEN CAST(NULL AS varchar) ELSE "producer_id" END AS "producer_id", "load_datetime", "record_source"
    FROM "iceberg"."silver"."stg_google_leads"
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY "hk_produtor"
            ORDER BY "load_datetime", "record_source", "producer_id") AS "first_seen$rank"
    FROM staged
)
SELECT "hk_produtor", "producer_id", "load_datetime", "record_source"
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_produtor" AS existing
      WHERE existing."hk_produtor" = first_seen."hk_produtor")
