-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- One round of clustering: each record takes the smallest label around it (hooking),
-- then the label of its label (pointer jumping), which halves chains, so rounds grow with log(n).
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_labels_b" AS
WITH neighbors AS (
    SELECT a AS vid, b AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
    UNION ALL
    SELECT b AS vid, a AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
),
hooked AS (
    SELECT labels.vid, least(labels.label, coalesce(min(around.label), labels.label)) AS label
    FROM "iceberg"."silver"."hub_pessoa_work_labels_a" AS labels
    LEFT JOIN neighbors ON neighbors.vid = labels.vid
    LEFT JOIN "iceberg"."silver"."hub_pessoa_work_labels_a" AS around ON around.vid = neighbors.other
    GROUP BY labels.vid, labels.label
)
SELECT hooked.vid, least(hooked.label, pointed.label) AS label
FROM hooked
JOIN hooked AS pointed ON pointed.vid = hooked.label
