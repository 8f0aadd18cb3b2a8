-- vault multi-active satellite: msat_customer_address (models/vault.yml:73:5)
-- Sets aside the staged rows whose key is null or blank, which the load leaves out: they
-- are recorded in vault_rejected_rows with the reason and the row, once (docs/loading-rules.md).
INSERT INTO "iceberg"."shop_silver"."vault_rejected_rows" ("model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data")
WITH
candidates AS (
    SELECT
        'msat_customer_address' AS "model",
        'stg_customer_addresses' AS "stage",
        "record_source",
        "load_datetime",
        'the business key of parent hub_customer is null or blank: a satellite row needs its parent''s key' AS "reason",
        json_format(CAST(MAP(ARRAY['customer_id', 'address_type', 'street', 'city', 'loaded_at'], ARRAY[CAST("customer_id" AS varchar), CAST("address_type" AS varchar), CAST("street" AS varchar), CAST("city" AS varchar), CAST("loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."shop_silver"."stg_customer_addresses"
    WHERE "hk_customer" = '0000000000000000000000000000000000000000000000000000000000000000'
),
hashed AS (
    SELECT *, to_hex(sha256(to_utf8(CAST("load_datetime" AS varchar) || '|' || "row_data"))) AS "row_hash"
    FROM candidates
)
SELECT "model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data"
FROM hashed
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."shop_silver"."vault_rejected_rows" AS recorded
    WHERE recorded."model" = hashed."model"
      AND recorded."row_hash" = hashed."row_hash")
