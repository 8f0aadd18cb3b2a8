-- vault test: link_pessoa_produtor.hk_pessoa in hub_pessoa
-- every hk_pessoa of link_pessoa_produtor is a key of hub_pessoa
SELECT child.*
FROM "iceberg"."silver"."link_pessoa_produtor" AS child
WHERE child."hk_pessoa" IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM "iceberg"."silver"."hub_pessoa" AS parent
      WHERE parent."hk_pessoa" = child."hk_pessoa")
