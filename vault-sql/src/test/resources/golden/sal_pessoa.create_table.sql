-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Same-as link: a person merged into an older one when new evidence joined them. Insert-only; the latest row of a duplicate names its master.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."sal_pessoa" (
    "hk_pessoa_master" varchar NOT NULL COMMENT 'The surviving, older person',
    "hk_pessoa_duplicate" varchar NOT NULL COMMENT 'The person merged into it',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'Load time of the newest record that joined them',
    "record_source" varchar NOT NULL
)
COMMENT 'Same-as link of hub_pessoa'
WITH (
    format = 'PARQUET',
    format_version = 2,
    sorted_by = ARRAY['hk_pessoa_duplicate']
)
