-- vault satellite: sat_product (models/vault.yml:65:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."sat_product" (
    "hk_product" varchar NOT NULL COMMENT 'Hash key in hub_product',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "hd_product" varchar NOT NULL COMMENT 'Hash of the payload',
    "title" varchar,
    "price" decimal(12,2)
)
COMMENT 'vault satellite sat_product, models/vault.yml:65:5'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_product, 4)'],
    sorted_by = ARRAY['hk_product', 'load_datetime']
)
