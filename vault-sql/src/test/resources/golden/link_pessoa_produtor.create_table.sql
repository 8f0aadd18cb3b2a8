-- vault link: link_pessoa_produtor (models/silver/links.yml:2:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."link_pessoa_produtor" (
    "hk_pessoa_produtor" varchar NOT NULL COMMENT 'Hash key of the combination of the hubs'' business keys',
    "hk_pessoa" varchar NOT NULL COMMENT 'Hash key in hub_pessoa',
    "hk_produtor" varchar NOT NULL COMMENT 'Hash key in hub_produtor',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row'
)
COMMENT 'Which person is a lead of which producer. (vault link link_pessoa_produtor, models/silver/links.yml:2:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_pessoa_produtor, 16)'],
    sorted_by = ARRAY['hk_pessoa_produtor']
)
