-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- The current person of every mapped record: its first person, or the master that person was merged into.
CREATE OR REPLACE VIEW "iceberg"."silver"."hub_pessoa_resolved" AS
WITH current_master AS (
    SELECT "hk_pessoa_duplicate" AS duplicate, max_by("hk_pessoa_master", "load_datetime") AS master
    FROM "iceberg"."silver"."sal_pessoa"
    GROUP BY "hk_pessoa_duplicate"
)
SELECT records."identity_record", coalesce(current_master.master, records."hk_pessoa") AS "hk_pessoa", records."hk_pessoa" AS "first_resolved_to"
FROM "iceberg"."silver"."hub_pessoa_records" AS records
LEFT JOIN current_master ON current_master.duplicate = records."hk_pessoa"
