-- vault reference table: ref_country (models/vault.yml:2:5)
-- Inserts a row for every staged change of a key's payload: staged rows newer than the key's
-- latest satellite row, in load_datetime order, kept when the hashdiff differs from the
-- previous row's (the latest satellite row for the first). Changes inside one batch are all
-- kept and A -> B -> A keeps three rows. Identical payloads for one code at one load_datetime
-- count once; different ones are left out: the statement before set them aside.
-- (loading: conflicts: set-aside, docs/loading-rules.md)
INSERT INTO "iceberg"."shop_silver"."ref_country" ("country_code", "load_datetime", "record_source", "hashdiff", "country_name", "region")
WITH
staged AS (
    SELECT "country_code", "load_datetime", "record_source", to_hex(sha256(to_utf8(concat_ws('|', CASE WHEN "country_name" IS NULL THEN NULL ELSE 'country_name=' || replace(replace(trim(CAST("country_name" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "region" IS NULL THEN NULL ELSE 'region=' || replace(replace(trim(CAST("region" AS varchar)), '\', '\\'), '|', '\|') END)))) AS "hashdiff", "country_name", "region"
    FROM "iceberg"."shop_silver"."stg_countries"
    WHERE nullif(trim(CAST("country_code" AS varchar)), '') IS NOT NULL
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT
        "country_code",
        max("load_datetime") AS "load_datetime",
        max_by("hashdiff", "load_datetime") AS "hashdiff"
    FROM "iceberg"."shop_silver"."ref_country"
    GROUP BY "country_code"
),
delta AS (
    SELECT
        staged.*,
        latest."hashdiff" AS "latest$hashdiff",
        min(staged."hashdiff") OVER same_load AS "hashdiff$min",
        max(staged."hashdiff") OVER same_load AS "hashdiff$max",
        row_number() OVER (PARTITION BY staged."country_code", staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM latest
    RIGHT JOIN staged ON latest."country_code" = staged."country_code"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY staged."country_code", staged."load_datetime")
),
one_per_load AS (
    SELECT *
    FROM delta
    WHERE "same_load$rank" = 1
      AND "hashdiff$min" = "hashdiff$max"
),
changes AS (
    SELECT
        one_per_load.*,
        coalesce(
            lag(one_per_load."hashdiff") OVER (PARTITION BY one_per_load."country_code" ORDER BY one_per_load."load_datetime"),
            one_per_load."latest$hashdiff") AS "previous$hashdiff"
    FROM one_per_load
)
SELECT "country_code", "load_datetime", "record_source", "hashdiff", "country_name", "region"
FROM changes
WHERE "previous$hashdiff" IS NULL OR "hashdiff" <> "previous$hashdiff"
