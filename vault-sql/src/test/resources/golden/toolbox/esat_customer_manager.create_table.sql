-- vault effectivity satellite: esat_customer_manager (models/vault.yml:83:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."esat_customer_manager" (
    "hk_customer_manager" varchar NOT NULL COMMENT 'Hash key in link_customer_manager',
    "hk_customer" varchar NOT NULL COMMENT 'Driving key: hub_customer',
    "hk_manager" varchar NOT NULL COMMENT 'Hash key in hub_manager',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "is_active" boolean NOT NULL COMMENT 'Whether the link is in effect for its driving key from load_datetime on'
)
COMMENT 'Which manager is in effect for a customer (the driving key) and since when. (vault effectivity satellite esat_customer_manager, models/vault.yml:83:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer, 4)'],
    sorted_by = ARRAY['hk_customer', 'load_datetime']
)
