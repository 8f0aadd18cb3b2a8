-- vault bridge: bridge_pessoa_produtor (models/silver/query_assistance.yml:11:5)
-- Inserts, for every snapshot newer than the bridge's latest, the combinations of link and hub
-- keys along the path that existed then: links are insert-only, so a link row exists at a
-- snapshot when it was loaded at or before it. Insert-only: a built snapshot is never rebuilt.
INSERT INTO "iceberg"."silver"."bridge_pessoa_produtor" ("snapshot_datetime", "hk_pessoa_produtor", "hk_pessoa", "hk_produtor")
WITH
built AS (
    SELECT max("snapshot_datetime") AS "latest"
    FROM "iceberg"."silver"."bridge_pessoa_produtor"
)
SELECT
    snapshots."snapshot_datetime",
    l1."hk_pessoa_produtor",
    l1."hk_pessoa" AS "hk_pessoa",
    l1."hk_produtor" AS "hk_produtor"
FROM "iceberg"."silver"."control_snapshots" AS snapshots
CROSS JOIN built
-- link_pessoa_produtor
JOIN "iceberg"."silver"."link_pessoa_produtor" AS l1
  ON l1."load_datetime" <= snapshots."snapshot_datetime"
WHERE built."latest" IS NULL
   OR snapshots."snapshot_datetime" > built."latest"
