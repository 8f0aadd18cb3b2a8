-- vault multi-active satellite: msat_customer_address (models/vault.yml:73:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."msat_customer_address" (
    "hk_customer" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "address_type" varchar COMMENT 'Multi-active key: tells the rows of one key''s set apart',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "hd_customer_address" varchar NOT NULL COMMENT 'Hash of the payload',
    "street" varchar,
    "city" varchar
)
COMMENT 'A customer''s addresses; all types valid at once, a new set when any changes. (vault multi-active satellite msat_customer_address, models/vault.yml:73:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer, 4)'],
    sorted_by = ARRAY['hk_customer', 'load_datetime']
)
