-- vault hub: hub_customer (models/vault.yml:9:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."hub_customer" (
    "hk_customer" varchar NOT NULL COMMENT 'Hash key of customer_id',
    "customer_id" varchar COMMENT 'Business key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'One row per customer id, from every system that mentions one (multi-source). (vault hub hub_customer, models/vault.yml:9:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer, 4)'],
    sorted_by = ARRAY['hk_customer']
)
