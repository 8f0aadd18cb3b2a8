-- vault multi-active satellite: msat_customer_address (models/vault.yml:73:5)
-- Inserts the satellite's ghost record unless it is there: the zero key at the beginning of
-- time, record source SYSTEM, a null payload. Point-in-time tables point at it when a key
-- has no row yet, so that joins through them never lose a row.
INSERT INTO "iceberg"."shop_silver"."msat_customer_address" ("hk_customer", "address_type", "load_datetime", "record_source", "hd_customer_address", "street", "city")
SELECT
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hk_customer",
    CAST(NULL AS varchar) AS "address_type",
    TIMESTAMP '0001-01-01 00:00:00.000000 UTC' AS "load_datetime",
    'SYSTEM' AS "record_source",
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hd_customer_address",
    CAST(NULL AS varchar) AS "street",
    CAST(NULL AS varchar) AS "city"
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."shop_silver"."msat_customer_address"
    WHERE "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000'
      AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC')
