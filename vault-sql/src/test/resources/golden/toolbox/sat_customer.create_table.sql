-- vault satellite: sat_customer (models/vault.yml:56:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."sat_customer" (
    "hk_customer" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "hd_customer" varchar NOT NULL COMMENT 'Hash of the payload',
    "full_name" varchar,
    "email_clean" varchar,
    "country_code" varchar
)
COMMENT 'A customer''s name, email and country over time. (vault satellite sat_customer, models/vault.yml:56:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer, 4)'],
    sorted_by = ARRAY['hk_customer', 'load_datetime']
)
