-- vault reference table: ref_country (models/vault.yml:2:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."ref_country" (
    "country_code" varchar NOT NULL COMMENT 'Code',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "hashdiff" varchar NOT NULL COMMENT 'Hash of the payload',
    "country_name" varchar,
    "region" varchar
)
COMMENT 'Countries by ISO code; customers'' country_code refers to it as is, unhashed. (vault reference table ref_country, models/vault.yml:2:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    sorted_by = ARRAY['country_code', 'load_datetime']
)
