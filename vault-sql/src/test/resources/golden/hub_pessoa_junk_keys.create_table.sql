-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Key values shared by more than 50 records: not used for matching. Insert-only.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_pessoa_junk_keys" (
    "key_name" varchar NOT NULL,
    "key_value" varchar NOT NULL,
    "sample" varchar COMMENT 'The normalized parts behind the key, from one record',
    "records" bigint NOT NULL COMMENT 'Distinct records sharing the value when it was found',
    "load_datetime" timestamp(6) with time zone NOT NULL
)
COMMENT 'Junk keys of hub_pessoa'
WITH (
    format = 'PARQUET',
    format_version = 2
)
