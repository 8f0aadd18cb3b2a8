-- vault point-in-time table: pit_customer (models/models.yml:94:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."conformance_pit_silver"."pit_customer" (
    "hk_customer" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "snapshot_datetime" timestamp(6) with time zone NOT NULL COMMENT 'The snapshot, from control_snapshots',
    "sat_customer_name_key" varchar NOT NULL COMMENT 'Key of the row of sat_customer_name current at the snapshot; the zero key (ghost record) when there was none',
    "sat_customer_name_load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'load_datetime of that row; 0001-01-01 00:00:00.000000 UTC for the ghost record',
    "sat_customer_address_key" varchar NOT NULL COMMENT 'Key of the row of sat_customer_address current at the snapshot; the zero key (ghost record) when there was none',
    "sat_customer_address_load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'load_datetime of that row; 0001-01-01 00:00:00.000000 UTC for the ghost record'
)
COMMENT 'vault point-in-time table pit_customer, models/models.yml:94:5'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_customer, 16)'],
    sorted_by = ARRAY['hk_customer', 'snapshot_datetime']
)
