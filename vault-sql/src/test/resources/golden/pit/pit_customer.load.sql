-- vault point-in-time table: pit_customer (models/models.yml:94:5)
-- Inserts, for every key of hub_customer and every snapshot at or after the key was first
-- loaded that the PIT does not have for it yet (new snapshots for every key, every snapshot
-- for a new key), the key and load_datetime of each satellite's row current at the snapshot:
-- its latest row loaded at or before it, else the ghost record (zero key, 0001-01-01 00:00:00.000000 UTC).
-- Insert-only: a built snapshot is never rebuilt.
INSERT INTO "iceberg"."conformance_pit_silver"."pit_customer" ("hk_customer", "snapshot_datetime", "sat_customer_name_key", "sat_customer_name_load_datetime", "sat_customer_address_key", "sat_customer_address_load_datetime")
WITH
built AS (
    SELECT max("snapshot_datetime") AS "latest"
    FROM "iceberg"."conformance_pit_silver"."pit_customer"
),
pending AS (
    SELECT parent."hk_customer", snapshots."snapshot_datetime"
    FROM "iceberg"."conformance_pit_silver"."hub_customer" AS parent
    JOIN "iceberg"."conformance_pit_silver"."control_snapshots" AS snapshots ON snapshots."snapshot_datetime" >= parent."load_datetime"
    CROSS JOIN built
    WHERE built."latest" IS NULL
       OR snapshots."snapshot_datetime" > built."latest"
       OR NOT EXISTS (
           SELECT 1
           FROM "iceberg"."conformance_pit_silver"."pit_customer" AS existing
           WHERE existing."hk_customer" = parent."hk_customer")
),
"current$1" AS (
    -- sat_customer_name: the latest row of each pending key at or before its snapshot
    SELECT pending."hk_customer", pending."snapshot_datetime", max(satellite."load_datetime") AS "load_datetime"
    FROM pending
    JOIN "iceberg"."conformance_pit_silver"."sat_customer_name" AS satellite
      ON satellite."hk_customer" = pending."hk_customer"
     AND satellite."load_datetime" <= pending."snapshot_datetime"
    GROUP BY pending."hk_customer", pending."snapshot_datetime"
),
"current$2" AS (
    -- sat_customer_address: the latest row of each pending key at or before its snapshot
    SELECT pending."hk_customer", pending."snapshot_datetime", max(satellite."load_datetime") AS "load_datetime"
    FROM pending
    JOIN "iceberg"."conformance_pit_silver"."sat_customer_address" AS satellite
      ON satellite."hk_customer" = pending."hk_customer"
     AND satellite."load_datetime" <= pending."snapshot_datetime"
    GROUP BY pending."hk_customer", pending."snapshot_datetime"
)
SELECT
    pending."hk_customer",
    pending."snapshot_datetime",
    CASE WHEN "current$1"."load_datetime" IS NULL THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE pending."hk_customer" END AS "sat_customer_name_key",
    coalesce("current$1"."load_datetime", TIMESTAMP '0001-01-01 00:00:00.000000 UTC') AS "sat_customer_name_load_datetime",
    CASE WHEN "current$2"."load_datetime" IS NULL THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE pending."hk_customer" END AS "sat_customer_address_key",
    coalesce("current$2"."load_datetime", TIMESTAMP '0001-01-01 00:00:00.000000 UTC') AS "sat_customer_address_load_datetime"
FROM pending
LEFT JOIN "current$1"
  ON "current$1"."hk_customer" = pending."hk_customer"
 AND "current$1"."snapshot_datetime" = pending."snapshot_datetime"
LEFT JOIN "current$2"
  ON "current$2"."hk_customer" = pending."hk_customer"
 AND "current$2"."snapshot_datetime" = pending."snapshot_datetime"
