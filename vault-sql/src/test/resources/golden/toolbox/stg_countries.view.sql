-- vault stage: stg_countries (models/staging.yml:42:5)
-- Staging view over iceberg.shop_bronze.countries: derived columns, load_datetime, record_source, hash keys and hashdiffs.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."stg_countries"
COMMENT 'vault stage stg_countries, models/staging.yml:42:5; vault fingerprint 0123456789abcdef'
AS
WITH
source AS (
    SELECT
        "country_code",
        "country_name",
        "region",
        "loaded_at"
    FROM "iceberg"."shop_bronze"."countries"
),
hash_input AS (
    SELECT
        *,
        CAST("loaded_at" AS timestamp(6) with time zone) AS "load_datetime",
        'erp.countries' AS "record_source"
    FROM source
)
SELECT
    "country_code",
    "country_name",
    "region",
    "loaded_at",
    "load_datetime",
    "record_source"
FROM hash_input
