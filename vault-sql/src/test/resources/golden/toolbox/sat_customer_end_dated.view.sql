-- vault satellite: sat_customer (models/vault.yml:56:5)
-- End-dated view of the satellite: each row is in effect from its load_datetime until the
-- next row of its key (load_end_datetime, exclusive), the current row until the end of time.
-- The ghost record is left out.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."sat_customer_end_dated" AS
SELECT
    *,
    coalesce(
        lead("load_datetime") OVER key_history,
        TIMESTAMP '9999-12-31 23:59:59.999999 UTC') AS "load_end_datetime",
    lead("load_datetime") OVER key_history IS NULL AS "is_current"
FROM "iceberg"."shop_silver"."sat_customer"
WHERE NOT ("hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000' AND "record_source" = 'SYSTEM')
WINDOW key_history AS (PARTITION BY "hk_customer" ORDER BY "load_datetime")
