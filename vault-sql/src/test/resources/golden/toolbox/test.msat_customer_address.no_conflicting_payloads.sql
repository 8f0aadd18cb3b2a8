-- vault test: msat_customer_address.no_conflicting_payloads
-- no staged rows set aside for different payloads at one key and load time (loading: conflicts: set-aside)
WITH
staged AS (
    SELECT
        staged."hk_customer", staged."address_type", staged."load_datetime", staged."record_source",
        staged."hd_customer_address" AS "payload$hash",
        'stg_customer_addresses' AS "stage",
        concat_ws(', ', 'customer_id = ' || coalesce('''' || CAST("customer_id" AS varchar) || '''', 'null')) AS "business_key",
        json_format(CAST(MAP(ARRAY['customer_id', 'address_type', 'street', 'city', 'loaded_at'], ARRAY[CAST("customer_id" AS varchar), CAST("address_type" AS varchar), CAST("street" AS varchar), CAST("city" AS varchar), CAST("loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."shop_silver"."stg_customer_addresses" AS staged
    WHERE staged."hk_customer" <> '0000000000000000000000000000000000000000000000000000000000000000'
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT "hk_customer", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."shop_silver"."msat_customer_address"
    GROUP BY "hk_customer"
),
unloaded AS (
    -- what the load reads: staged rows newer than their key's latest row
    SELECT
        staged.*,
        min(staged."payload$hash") OVER same_row <> max(staged."payload$hash") OVER same_row AS "row$conflict"
    FROM latest
    RIGHT JOIN staged ON latest."hk_customer" = staged."hk_customer"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY staged."hk_customer", staged."address_type", staged."load_datetime")
),
conflicts AS (
    SELECT
        *,
        bool_or("row$conflict") OVER same_load AS "load$conflict",
        array_join(array_sort(array_distinct(array_agg("record_source") OVER same_load)), ', ') AS "record_sources"
    FROM unloaded
    WINDOW same_load AS (PARTITION BY "hk_customer", "load_datetime")
),
set_aside AS (
    SELECT
        'msat_customer_address' AS "model",
        "stage",
        "record_source",
        "load_datetime",
        'different payloads for one multi-active key (address_type) at one load_datetime: ' || "business_key" || ' from record sources ' || "record_sources" || ': the key''s whole set at this load_datetime is set aside until a newer set arrives (loading: conflicts: set-aside)' AS "reason",
        "row_data"
    FROM conflicts
    WHERE "load$conflict"
)

SELECT "stage", "record_source", "load_datetime", "reason", "row_data"
FROM set_aside
