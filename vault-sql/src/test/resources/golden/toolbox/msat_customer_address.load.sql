-- vault multi-active satellite: msat_customer_address (models/vault.yml:73:5)
-- Multi-active satellite: the rows staged for a key at one load_datetime are one set, told
-- apart by address_type. A key's whole set is inserted when it differs from the
-- key's previous set (the latest set in the satellite for the first staged one): a row
-- changed, added or gone. Sets inside one batch are all compared in order. Identical payloads
-- for one multi-active key at one load_datetime count once; different ones leave
-- the key's whole set at that time out: the statement before set it aside.
-- (loading: conflicts: set-aside, docs/loading-rules.md)
INSERT INTO "iceberg"."shop_silver"."msat_customer_address" ("hk_customer", "address_type", "load_datetime", "record_source", "hd_customer_address", "street", "city")
WITH
staged AS (
    SELECT "hk_customer", "address_type", "load_datetime", "record_source", "hd_customer_address", "street", "city"
    FROM "iceberg"."shop_silver"."stg_customer_addresses"
    WHERE "hk_customer" <> '0000000000000000000000000000000000000000000000000000000000000000'
),
latest AS (
    SELECT "hk_customer", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."shop_silver"."msat_customer_address"
    WHERE "hk_customer" IN (SELECT "hk_customer" FROM staged)
    GROUP BY "hk_customer"
),
latest_set AS (
    SELECT
        existing."hk_customer",
        array_join(array_sort(array_agg(concat_ws('|', coalesce(replace(replace(nullif(trim(CAST("address_type" AS varchar)), ''), '\', '\\'), '|', '\|'), '\N')) || '|' || existing."hd_customer_address")), '|') AS "set$digest"
    FROM "iceberg"."shop_silver"."msat_customer_address" AS existing
    JOIN latest ON latest."hk_customer" = existing."hk_customer" AND latest."load_datetime" = existing."load_datetime"
    GROUP BY existing."hk_customer"
),
delta AS (
    SELECT
        staged.*,
        min(staged."hd_customer_address") OVER same_row AS "hashdiff$min",
        max(staged."hd_customer_address") OVER same_row AS "hashdiff$max",
        row_number() OVER (PARTITION BY staged."hk_customer", staged."address_type", staged."load_datetime" ORDER BY staged."record_source") AS "same_row$rank"
    FROM staged
    LEFT JOIN latest ON latest."hk_customer" = staged."hk_customer"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY staged."hk_customer", staged."address_type", staged."load_datetime")
),
one_per_row AS (
    -- a set with a conflicting row is left out whole: a partial set would read as rows gone
    SELECT *
    FROM (
        SELECT delta.*, bool_or("hashdiff$min" <> "hashdiff$max") OVER (PARTITION BY "hk_customer", "load_datetime") AS "set$conflict"
        FROM delta)
    WHERE "same_row$rank" = 1
      AND NOT "set$conflict"
),
staged_sets AS (
    SELECT
        "hk_customer",
        "load_datetime",
        array_join(array_sort(array_agg(concat_ws('|', coalesce(replace(replace(nullif(trim(CAST("address_type" AS varchar)), ''), '\', '\\'), '|', '\|'), '\N')) || '|' || "hd_customer_address")), '|') AS "set$digest"
    FROM one_per_row
    GROUP BY "hk_customer", "load_datetime"
),
changed_sets AS (
    SELECT
        staged_sets.*,
        coalesce(
            lag(staged_sets."set$digest") OVER (PARTITION BY staged_sets."hk_customer" ORDER BY staged_sets."load_datetime"),
            latest_set."set$digest") AS "previous$digest"
    FROM staged_sets
    LEFT JOIN latest_set ON latest_set."hk_customer" = staged_sets."hk_customer"
)
SELECT one_per_row."hk_customer", one_per_row."address_type", one_per_row."load_datetime", one_per_row."record_source", one_per_row."hd_customer_address", one_per_row."street", one_per_row."city"
FROM one_per_row
JOIN changed_sets ON changed_sets."hk_customer" = one_per_row."hk_customer" AND changed_sets."load_datetime" = one_per_row."load_datetime"
WHERE changed_sets."previous$digest" IS NULL OR changed_sets."set$digest" <> changed_sets."previous$digest"
