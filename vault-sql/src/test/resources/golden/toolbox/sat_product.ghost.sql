-- vault satellite: sat_product (models/vault.yml:65:5)
-- Inserts the satellite's ghost record unless it is there: the zero key at the beginning of
-- time, record source SYSTEM, a null payload. Point-in-time tables point at it when a key
-- has no row yet, so that joins through them never lose a row.
INSERT INTO "iceberg"."shop_silver"."sat_product" ("hk_product", "load_datetime", "record_source", "hd_product", "title", "price")
SELECT
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hk_product",
    TIMESTAMP '0001-01-01 00:00:00.000000 UTC' AS "load_datetime",
    'SYSTEM' AS "record_source",
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hd_product",
    CAST(NULL AS varchar) AS "title",
    CAST(NULL AS decimal(12,2)) AS "price"
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."shop_silver"."sat_product"
    WHERE "hk_product" = '0000000000000000000000000000000000000000000000000000000000000000'
      AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC')
