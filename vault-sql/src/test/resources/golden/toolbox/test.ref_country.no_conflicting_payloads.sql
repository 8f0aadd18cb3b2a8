-- vault test: ref_country.no_conflicting_payloads
-- no staged rows set aside for different payloads at one key and load time (loading: conflicts: set-aside)
WITH
staged AS (
    SELECT
        staged."country_code", staged."load_datetime", staged."record_source",
        to_hex(sha256(to_utf8(concat_ws('|', CASE WHEN "country_name" IS NULL THEN NULL ELSE 'country_name=' || replace(replace(trim(CAST("country_name" AS varchar)), '\', '\\'), '|', '\|') END, CASE WHEN "region" IS NULL THEN NULL ELSE 'region=' || replace(replace(trim(CAST("region" AS varchar)), '\', '\\'), '|', '\|') END)))) AS "payload$hash",
        'stg_countries' AS "stage",
        concat_ws(', ', 'country_code = ' || coalesce('''' || CAST("country_code" AS varchar) || '''', 'null')) AS "business_key",
        json_format(CAST(MAP(ARRAY['country_code', 'country_name', 'region', 'loaded_at'], ARRAY[CAST("country_code" AS varchar), CAST("country_name" AS varchar), CAST("region" AS varchar), CAST("loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."shop_silver"."stg_countries" AS staged
    WHERE nullif(trim(CAST(staged."country_code" AS varchar)), '') IS NOT NULL
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT "country_code", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."shop_silver"."ref_country"
    GROUP BY "country_code"
),
unloaded AS (
    -- what the load reads: staged rows newer than their key's latest row
    SELECT
        staged.*,
        min(staged."payload$hash") OVER same_row <> max(staged."payload$hash") OVER same_row AS "row$conflict"
    FROM latest
    RIGHT JOIN staged ON latest."country_code" = staged."country_code"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY staged."country_code", staged."load_datetime")
),
conflicts AS (
    SELECT
        *,
        bool_or("row$conflict") OVER same_load AS "load$conflict",
        array_join(array_sort(array_distinct(array_agg("record_source") OVER same_load)), ', ') AS "record_sources"
    FROM unloaded
    WINDOW same_load AS (PARTITION BY "country_code", "load_datetime")
),
set_aside AS (
    SELECT
        'ref_country' AS "model",
        "stage",
        "record_source",
        "load_datetime",
        'different payloads for one key at one load_datetime: ' || "business_key" || ' from record sources ' || "record_sources" || ': set aside until a newer row for the key arrives (loading: conflicts: set-aside)' AS "reason",
        "row_data"
    FROM conflicts
    WHERE "load$conflict"
)

SELECT "stage", "record_source", "load_datetime", "reason", "row_data"
FROM set_aside
