-- vault link: link_customer_manager (models/vault.yml:30:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."link_customer_manager" (
    "hk_customer_manager" varchar NOT NULL COMMENT 'Hash key of the combination of the hubs'' business keys',
    "hk_customer" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "hk_manager" varchar NOT NULL COMMENT 'Hash key in hub_manager',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'Which account manager looks after which customer; the effectivity satellite says since when. (vault link link_customer_manager, models/vault.yml:30:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer_manager, 4)'],
    sorted_by = ARRAY['hk_customer_manager']
)
