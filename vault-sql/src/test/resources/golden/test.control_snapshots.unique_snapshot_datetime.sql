-- vault test: control_snapshots.unique(snapshot_datetime)
-- every snapshot appears once
SELECT "snapshot_datetime", count(*) AS occurrences
FROM "iceberg"."silver"."control_snapshots"
GROUP BY "snapshot_datetime"
HAVING count(*) > 1
