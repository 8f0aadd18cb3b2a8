-- vault reference table: ref_country (models/vault.yml:2:5)
-- Sets aside the staged rows whose key is null or blank, which the load leaves out: they
-- are recorded in vault_rejected_rows with the reason and the row, once (docs/loading-rules.md).
INSERT INTO "iceberg"."shop_silver"."vault_rejected_rows" ("model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data")
WITH
candidates AS (
    SELECT
        'ref_country' AS "model",
        'stg_countries' AS "stage",
        "record_source",
        "load_datetime",
        'code country_code is null or blank: a reference row needs its code' AS "reason",
        json_format(CAST(MAP(ARRAY['country_code', 'country_name', 'region', 'loaded_at'], ARRAY[CAST("country_code" AS varchar), CAST("country_name" AS varchar), CAST("region" AS varchar), CAST("loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."shop_silver"."stg_countries"
    WHERE nullif(trim(CAST("country_code" AS varchar)), '') IS NULL
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
