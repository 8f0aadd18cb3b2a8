-- vault hub: hub_manager (models/vault.yml:22:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."hub_manager" (
    "hk_manager" varchar NOT NULL COMMENT 'Hash key of account_manager_id',
    "account_manager_id" varchar COMMENT 'Business key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'Account managers. (vault hub hub_manager, models/vault.yml:22:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_manager, 4)'],
    sorted_by = ARRAY['hk_manager']
)
