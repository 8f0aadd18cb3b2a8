-- vault bridge: bridge_pessoa_produtor (models/silver/query_assistance.yml:11:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."bridge_pessoa_produtor" (
    "snapshot_datetime" timestamp(6) with time zone NOT NULL COMMENT 'The snapshot, from control_snapshots',
    "hk_pessoa_produtor" varchar NOT NULL COMMENT 'Hash key in link_pessoa_produtor',
    "hk_pessoa" varchar NOT NULL COMMENT 'Hash key in hub_pessoa',
    "hk_produtor" varchar NOT NULL COMMENT 'Hash key in hub_produtor'
)
COMMENT 'Per daily snapshot, every person and the producers whose lead they were by then. (vault bridge bridge_pessoa_produtor, models/silver/query_assistance.yml:11:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_pessoa, 16)'],
    sorted_by = ARRAY['hk_pessoa', 'snapshot_datetime']
)
