-- vault reference table: ref_country (models/vault.yml:2:5)
-- The latest row of every code of the reference table.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."ref_country_current" AS
SELECT "country_code", "load_datetime", "record_source", "hashdiff", "country_name", "region"
FROM (
    SELECT *, row_number() OVER (PARTITION BY "country_code" ORDER BY "load_datetime" DESC) AS "latest$rank"
    FROM "iceberg"."shop_silver"."ref_country"
)
WHERE "latest$rank" = 1
