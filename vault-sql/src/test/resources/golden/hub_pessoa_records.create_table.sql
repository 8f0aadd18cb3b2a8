-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Which person each source record belongs to, from its first resolution on. Insert-only.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_pessoa_records" (
    "identity_record" varchar NOT NULL COMMENT 'Hash of the record source and the record key',
    "hk_pessoa" varchar NOT NULL COMMENT 'The person the record was first resolved to',
    "load_datetime" timestamp(6) with time zone NOT NULL,
    "record_source" varchar NOT NULL
)
COMMENT 'Record to person map of hub_pessoa'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(identity_record, 16)'],
    sorted_by = ARRAY['identity_record']
)
