-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_produtor" (
    "hk_produtor" varchar NOT NULL COMMENT 'Hash key of producer_id',
    "producer_id" varchar COMMENT 'Business key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'One row per producer (seller) that leads are interested in. (vault hub hub_produtor, models/silver/hubs.yml:11:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_produtor, 4)'],
    sorted_by = ARRAY['hk_produtor']
)
