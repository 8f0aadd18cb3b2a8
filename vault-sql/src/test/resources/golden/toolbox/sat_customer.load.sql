-- vault satellite: sat_customer (models/vault.yml:56:5)
-- Inserts a row for every staged change of a key's payload: staged rows newer than the key's
-- latest satellite row, in load_datetime order, kept when the hashdiff differs from the
-- previous row's (the latest satellite row for the first). Changes inside one batch are all
-- kept and A -> B -> A keeps three rows. Identical payloads for one key at one load_datetime
-- count once; different ones are left out: the statement before set them aside.
-- (loading: conflicts: set-aside, docs/loading-rules.md)
INSERT INTO "iceberg"."shop_silver"."sat_customer" ("hk_customer", "load_datetime", "record_source", "hd_customer", "full_name", "email_clean", "country_code")
WITH
staged AS (
    SELECT "hk_customer", "load_datetime", "record_source", "hd_customer", "full_name", "email_clean", "country_code"
    FROM "iceberg"."shop_silver"."stg_customers"
    WHERE "hk_customer" <> '0000000000000000000000000000000000000000000000000000000000000000'
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT
        "hk_customer",
        max("load_datetime") AS "load_datetime",
        max_by("hd_customer", "load_datetime") AS "hd_customer"
    FROM "iceberg"."shop_silver"."sat_customer"
    GROUP BY "hk_customer"
),
delta AS (
    SELECT
        staged.*,
        latest."hd_customer" AS "latest$hashdiff",
        min(staged."hd_customer") OVER same_load AS "hashdiff$min",
        max(staged."hd_customer") OVER same_load AS "hashdiff$max",
        row_number() OVER (PARTITION BY staged."hk_customer", staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM latest
    RIGHT JOIN staged ON latest."hk_customer" = staged."hk_customer"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY staged."hk_customer", staged."load_datetime")
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
            lag(one_per_load."hd_customer") OVER (PARTITION BY one_per_load."hk_customer" ORDER BY one_per_load."load_datetime"),
            one_per_load."latest$hashdiff") AS "previous$hashdiff"
    FROM one_per_load
)
SELECT "hk_customer", "load_datetime", "record_source", "hd_customer", "full_name", "email_clean", "country_code"
FROM changes
WHERE "previous$hashdiff" IS NULL OR "hd_customer" <> "previous$hashdiff"
