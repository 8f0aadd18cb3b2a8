-- vault link: sal_customer (models/vault.yml:37:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."sal_customer" (
    "hk_customer_same_as" varchar NOT NULL COMMENT 'Hash key of the combination of the hubs'' business keys',
    "hk_customer_master" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "hk_customer_duplicate" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'Same-as link; customer records found to be the same customer, the surviving one first. (vault link sal_customer, models/vault.yml:37:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer_same_as, 4)'],
    sorted_by = ARRAY['hk_customer_same_as']
)
