-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_pessoa" (
    "hk_pessoa" varchar NOT NULL COMMENT 'Hash key of founding_record',
    "founding_record" varchar NOT NULL COMMENT 'The identity_record of the earliest record of the person',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'One row per person, resolved from the leads of every source: leads sharing a matching key (vault.yml ''identity:'') are one person, transitively. A person keeps its key across runs; when new evidence joins two, the older survives and sal_pessoa records the merge. (vault hub hub_pessoa, models/silver/hubs.yml:2:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_pessoa, 16)'],
    sorted_by = ARRAY['hk_pessoa']
)
