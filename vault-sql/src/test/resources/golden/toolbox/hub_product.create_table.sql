-- vault hub: hub_product (models/vault.yml:16:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."hub_product" (
    "hk_product" varchar NOT NULL COMMENT 'Hash key of product_id',
    "product_id" varchar COMMENT 'Business key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'vault hub hub_product, models/vault.yml:16:5'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_product, 4)'],
    sorted_by = ARRAY['hk_product']
)
