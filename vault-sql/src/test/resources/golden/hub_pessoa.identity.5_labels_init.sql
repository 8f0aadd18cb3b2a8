-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Clustering starts: each record's parent is the smallest of itself and the records it shares a key with.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_labels_a" AS
WITH neighbors AS (
    SELECT a AS vid, b AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
    UNION ALL
    SELECT b AS vid, a AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
)
SELECT records.vid, least(records.vid, coalesce(min(neighbors.other), records.vid)) AS parent
FROM "iceberg"."silver"."hub_pessoa_work_records" AS records
LEFT JOIN neighbors ON neighbors.vid = records.vid
GROUP BY records.vid
