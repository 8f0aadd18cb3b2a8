-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Records merges: every other person of a cluster, and every person merged into one of those
-- before, now points at the cluster's oldest person.
INSERT INTO "iceberg"."silver"."sal_pessoa" ("hk_pessoa_master", "hk_pessoa_duplicate", "load_datetime", "record_source")
WITH merged AS (
    SELECT DISTINCT person AS master, mapped_person AS duplicate, cluster_load
    FROM "iceberg"."silver"."hub_pessoa_work_resolution"
    WHERE mapped_person IS NOT NULL AND mapped_person <> person
),
earlier AS (
    SELECT "hk_pessoa_duplicate" AS duplicate, max_by("hk_pessoa_master", "load_datetime") AS master
    FROM "iceberg"."silver"."sal_pessoa"
    GROUP BY "hk_pessoa_duplicate"
),
pointers AS (
    SELECT master, duplicate, cluster_load FROM merged
    UNION
    SELECT merged.master, earlier.duplicate, merged.cluster_load
    FROM merged
    JOIN earlier ON earlier.master = merged.duplicate
)
SELECT master, duplicate, max(cluster_load), 'vault.identity'
FROM pointers
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."silver"."sal_pessoa" AS existing
    WHERE existing."hk_pessoa_master" = pointers.master AND existing."hk_pessoa_duplicate" = pointers.duplicate)
GROUP BY master, duplicate
