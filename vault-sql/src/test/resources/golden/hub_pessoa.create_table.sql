-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_pessoa" (
    "hk_pessoa" varchar NOT NULL COMMENT 'Hash key of person_key',
    "person_key" varchar COMMENT 'Business key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'One row per person (for now, per normalized email or phone), first seen in any lead source. (vault hub hub_pessoa, models/silver/hubs.yml:2:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_pessoa, 16)'],
    sorted_by = ARRAY['hk_pessoa']
)
