-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Clustering, hook: the root of every tree that shares a key with a tree of smaller root
-- takes the smallest such root as its parent. Trees only hook to smaller roots, so no cycle forms;
-- each round leaves a fraction of the trees, so rounds grow with log(n).
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_labels_a" AS
WITH neighbors AS (
    SELECT a AS vid, b AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
    UNION ALL
    SELECT b AS vid, a AS other FROM "iceberg"."silver"."hub_pessoa_work_edges"
),
hooks AS (
    SELECT mine.parent AS root, min(theirs.parent) AS smaller_root
    FROM neighbors
    JOIN "iceberg"."silver"."hub_pessoa_work_labels_b" AS mine ON mine.vid = neighbors.vid
    JOIN "iceberg"."silver"."hub_pessoa_work_labels_b" AS theirs ON theirs.vid = neighbors.other
    WHERE theirs.parent < mine.parent
    GROUP BY mine.parent
)
SELECT labels.vid, IF(labels.vid = labels.parent AND hooks.smaller_root IS NOT NULL, hooks.smaller_root, labels.parent) AS parent
FROM "iceberg"."silver"."hub_pessoa_work_labels_b" AS labels
LEFT JOIN hooks ON hooks.root = labels.vid
