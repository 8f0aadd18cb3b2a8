-- vault test: sat_customer.hashdiff_changes(hk_customer)
-- no row of a key repeats the hashdiff of the key's previous row
-- A satellite row is only added when its payload changed: a row whose hashdiff equals the
-- previous row's of the same key (by load_datetime) is a duplicate version.
SELECT "hk_customer", "load_datetime", "hd_customer"
FROM (
    SELECT
        "hk_customer", "load_datetime", "hd_customer",
        lag("hd_customer") OVER (
            PARTITION BY "hk_customer"
            ORDER BY "load_datetime") AS "previous$hashdiff"
    FROM "iceberg"."shop_silver"."sat_customer"
)
WHERE "hd_customer" = "previous$hashdiff"
