-- vault test: sat_pessoa_detalhes.hk_pessoa in hub_pessoa
-- every hk_pessoa of sat_pessoa_detalhes is a key of hub_pessoa
SELECT child.*
FROM "iceberg"."silver"."sat_pessoa_detalhes" AS child
WHERE child."hk_pessoa" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_pessoa" AS parent
      WHERE parent."hk_pessoa" = child."hk_pessoa")
  AND NOT (child."hk_pessoa" = '0000000000000000000000000000000000000000000000000000000000000000' AND child."record_source" = 'SYSTEM')
