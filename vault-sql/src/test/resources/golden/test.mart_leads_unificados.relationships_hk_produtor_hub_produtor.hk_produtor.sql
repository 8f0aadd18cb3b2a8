-- vault test: mart_leads_unificados.relationships(hk_produtor -> hub_produtor.hk_produtor)
-- every hk_produtor of mart_leads_unificados is a hk_produtor of hub_produtor (models/gold/marts.yml:12:29)
SELECT child.*
FROM "iceberg"."gold"."mart_leads_unificados" AS child
WHERE child."hk_produtor" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_produtor" AS parent
      WHERE parent."hk_produtor" = child."hk_produtor")
