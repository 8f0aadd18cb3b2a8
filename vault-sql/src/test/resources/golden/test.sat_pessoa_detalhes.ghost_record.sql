-- vault test: sat_pessoa_detalhes.ghost_record
-- the satellite holds its ghost record exactly once
SELECT count(*) AS ghost_rows
FROM "iceberg"."silver"."sat_pessoa_detalhes"
WHERE "hk_pessoa" = '0000000000000000000000000000000000000000000000000000000000000000'
  AND "record_source" = 'SYSTEM'
  AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC'
HAVING count(*) <> 1
