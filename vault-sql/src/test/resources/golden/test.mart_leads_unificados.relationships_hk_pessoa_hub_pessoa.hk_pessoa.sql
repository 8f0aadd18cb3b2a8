-- vault test: mart_leads_unificados.relationships(hk_pessoa -> hub_pessoa.hk_pessoa)
-- every hk_pessoa of mart_leads_unificados is a hk_pessoa of hub_pessoa (models/gold/marts.yml:10:29)
SELECT child.*
FROM "iceberg"."gold"."mart_leads_unificados" AS child
WHERE child."hk_pessoa" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_pessoa" AS parent
      WHERE parent."hk_pessoa" = child."hk_pessoa")
