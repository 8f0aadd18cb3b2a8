-- vault snapshot control table: control_snapshots (models/silver/query_assistance.yml:6:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."control_snapshots" (
    "snapshot_datetime" timestamp(6) with time zone NOT NULL COMMENT 'The snapshot: the state of the vault at this instant',
    "snapshot_date" date NOT NULL COMMENT 'The day of the snapshot (UTC)',
    "is_weekly" boolean NOT NULL COMMENT 'The snapshot of a Monday',
    "is_monthly" boolean NOT NULL COMMENT 'The snapshot of the first day of a month',
    "is_yearly" boolean NOT NULL COMMENT 'The snapshot of January 1st'
)
COMMENT 'One snapshot a day at midnight UTC, from the first leads export to today. (vault snapshot control table control_snapshots, models/silver/query_assistance.yml:6:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    sorted_by = ARRAY['snapshot_datetime']
)
