-- vault satellite: sat_customer (models/vault.yml:56:5)
-- Inserts the satellite's ghost record unless it is there: the zero key at the beginning of
-- time, record source SYSTEM, a null payload. Point-in-time tables point at it when a key
-- has no row yet, so that joins through them never lose a row.
INSERT INTO "iceberg"."shop_silver"."sat_customer" ("hk_customer", "load_datetime", "record_source", "hd_customer", "full_name", "email_clean", "country_code")
SELECT
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hk_customer",
    TIMESTAMP '0001-01-01 00:00:00.000000 UTC' AS "load_datetime",
    'SYSTEM' AS "record_source",
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hd_customer",
    CAST(NULL AS varchar) AS "full_name",
    CAST(NULL AS varchar) AS "email_clean",
    CAST(NULL AS varchar) AS "country_code"
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."shop_silver"."sat_customer"
    WHERE "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000'
      AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC')
