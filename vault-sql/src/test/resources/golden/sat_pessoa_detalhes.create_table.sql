-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."sat_pessoa_detalhes" (
    "hk_pessoa" varchar NOT NULL COMMENT 'Hash key in hub_pessoa',
    "identity_record" varchar NOT NULL COMMENT 'Dependent child key',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "hd_pessoa_detalhes" varchar NOT NULL COMMENT 'Hash of the payload',
    "nome" varchar,
    "email_normalizado" varchar,
    "telefone" varchar
)
COMMENT 'History of a person''s name, email and phone as the lead sources report them. (vault satellite sat_pessoa_detalhes, models/silver/satellites.yml:2:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_pessoa, 16)'],
    sorted_by = ARRAY['hk_pessoa', 'identity_record', 'load_datetime']
)
