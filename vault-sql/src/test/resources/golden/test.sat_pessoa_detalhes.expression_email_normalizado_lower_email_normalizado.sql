-- vault test: sat_pessoa_detalhes.expression(email_normalizado = lower(email_normalizado))
-- email_normalizado = lower(email_normalizado) holds for every row of sat_pessoa_detalhes (rows where email_normalizado IS NOT NULL) (models/silver/satellites.yml:10:9)
-- The expression is the model's SQL, run as written; a row where it is false or null fails.
SELECT *
FROM "iceberg"."silver"."sat_pessoa_detalhes"
WHERE (email_normalizado IS NOT NULL)
  AND NOT coalesce((email_normalizado = lower(email_normalizado)), false)
