-- vault satellite: sat_product (models/vault.yml:65:5)
-- Inserts a row for every staged change of a key's payload: staged rows newer than the key's
-- latest satellite row, in load_datetime order, kept when the hashdiff differs from the
-- previous row's (the latest satellite row for the first). Changes inside one batch are all
-- kept and A -> B -> A keeps three rows. Identical payloads for one key at one load_datetime
-- count once; different ones are left out: the statement before set them aside.
-- (loading: conflicts: set-aside, docs/loading-rules.md)
INSERT INTO "iceberg"."shop_silver"."sat_product" ("hk_product", "load_datetime", "record_source", "hd_product", "title", "price")
WITH
staged AS (
    SELECT "hk_product", "load_datetime", "record_source", "hd_product", "title", "price"
    FROM "iceberg"."shop_silver"."stg_product_catalog"
    WHERE "hk_product" <> '0000000000000000000000000000000000000000000000000000000000000000'
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT
        "hk_product",
        max("load_datetime") AS "load_datetime",
        max_by("hd_product", "load_datetime") AS "hd_product"
    FROM "iceberg"."shop_silver"."sat_product"
    GROUP BY "hk_product"
),
delta AS (
    SELECT
        staged.*,
        latest."hd_product" AS "latest$hashdiff",
        min(staged."hd_product") OVER same_load AS "hashdiff$min",
        max(staged."hd_product") OVER same_load AS "hashdiff$max",
        row_number() OVER (PARTITION BY staged."hk_product", staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM latest
    RIGHT JOIN staged ON latest."hk_product" = staged."hk_product"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY staged."hk_product", staged."load_datetime")
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
            lag(one_per_load."hd_product") OVER (PARTITION BY one_per_load."hk_product" ORDER BY one_per_load."load_datetime"),
            one_per_load."latest$hashdiff") AS "previous$hashdiff"
    FROM one_per_load
)
SELECT "hk_product", "load_datetime", "record_source", "hd_product", "title", "price"
FROM changes
WHERE "previous$hashdiff" IS NULL OR "hd_product" <> "previous$hashdiff"
