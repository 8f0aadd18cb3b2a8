-- vault test: sat_pessoa_detalhes.unique(hk_pessoa, identity_record, load_datetime)
-- one row per key and load_datetime
SELECT "hk_pessoa", "identity_record", "load_datetime", count(*) AS occurrences
FROM "iceberg"."silver"."sat_pessoa_detalhes"
GROUP BY "hk_pessoa", "identity_record", "load_datetime"
HAVING count(*) > 1
