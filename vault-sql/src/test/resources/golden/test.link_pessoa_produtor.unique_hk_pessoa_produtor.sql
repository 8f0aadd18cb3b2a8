-- vault test: link_pessoa_produtor.unique(hk_pessoa_produtor)
-- every hash key of the link appears once
SELECT "hk_pessoa_produtor", count(*) AS occurrences
FROM "iceberg"."silver"."link_pessoa_produtor"
GROUP BY "hk_pessoa_produtor"
HAVING count(*) > 1
