-- vault snapshot control table: control_snapshots (models/silver/query_assistance.yml:6:5)
-- Inserts the daily snapshots from 2026-11-01 to today (UTC) at 00:00 UTC that the table
-- does not have yet. A day's snapshot appears once its time has passed; rows are never changed.
-- Days come from months x 31 offsets: Trino's sequence() stops at 10,000 entries.
INSERT INTO "iceberg"."silver"."control_snapshots" ("snapshot_datetime", "snapshot_date", "is_weekly", "is_monthly", "is_yearly")
WITH
bounds AS (
    SELECT DATE '2026-11-01' AS first_day, CAST(current_timestamp AT TIME ZONE 'UTC' AS date) AS last_day
),
days AS (
    SELECT date_add('day', day_offset, month_start) AS "snapshot_date"
    FROM bounds
    CROSS JOIN UNNEST(sequence(date_trunc('month', first_day), greatest(date_trunc('month', last_day), date_trunc('month', first_day)), INTERVAL '1' MONTH)) AS months (month_start)
    CROSS JOIN UNNEST(sequence(0, 30)) AS offsets (day_offset)
    -- offsets past a month's end belong to the next month, which has its own row
    WHERE date_trunc('month', date_add('day', day_offset, month_start)) = month_start
),
snapshots AS (
    SELECT
        with_timezone(date_add('second', 0, CAST(days."snapshot_date" AS timestamp(6))), 'UTC') AS "snapshot_datetime",
        days."snapshot_date"
    FROM days
    CROSS JOIN bounds
    WHERE days."snapshot_date" BETWEEN bounds.first_day AND bounds.last_day
)
SELECT
    "snapshot_datetime",
    "snapshot_date",
    day_of_week("snapshot_date") = 1 AS "is_weekly",
    day_of_month("snapshot_date") = 1 AS "is_monthly",
    day_of_year("snapshot_date") = 1 AS "is_yearly"
FROM snapshots
WHERE "snapshot_datetime" <= current_timestamp
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."control_snapshots" AS existing
      WHERE existing."snapshot_datetime" = snapshots."snapshot_datetime")
