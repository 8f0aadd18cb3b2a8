-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Clustering, shortcut: each record takes its parent's parent (pointer jumping), which halves
-- every path to a root; repeated until every tree is a star.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_labels_b" AS
SELECT labels.vid, parents.parent
FROM "iceberg"."silver"."hub_pessoa_work_labels_a" AS labels
JOIN "iceberg"."silver"."hub_pessoa_work_labels_a" AS parents ON parents.vid = labels.parent
