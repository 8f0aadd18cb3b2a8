-- vault test: link_pessoa_produtor.hk_produtor in hub_produtor
-- every hk_produtor of link_pessoa_produtor is a key of hub_produtor
SELECT child.*
FROM "iceberg"."silver"."link_pessoa_produtor" AS child
WHERE child."hk_produtor" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_produtor" AS parent
      WHERE parent."hk_produtor" = child."hk_produtor")
