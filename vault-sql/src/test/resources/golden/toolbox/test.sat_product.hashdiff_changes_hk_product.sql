-- vault test: sat_product.hashdiff_changes(hk_product)
-- no row of a key repeats the hashdiff of the key's previous row
-- A satellite row is only added when its payload changed: a row whose hashdiff equals the
-- previous row's of the same key (by load_datetime) is a duplicate version.
SELECT "hk_product", "load_datetime", "hd_product"
FROM (
    SELECT
        "hk_product", "load_datetime", "hd_product",
        lag("hd_product") OVER (
            PARTITION BY "hk_product"
            ORDER BY "load_datetime") AS "previous$hashdiff"
    FROM "iceberg"."shop_silver"."sat_product"
)
WHERE "hd_product" = "previous$hashdiff"
