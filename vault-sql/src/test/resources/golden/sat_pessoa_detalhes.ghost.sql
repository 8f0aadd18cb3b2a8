-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Inserts the satellite's ghost record unless it is there: the zero key at the beginning of
-- time, record source SYSTEM, a null payload. Point-in-time tables point at it when a key
-- has no row yet, so that joins through them never lose a row.
INSERT INTO "iceberg"."silver"."sat_pessoa_detalhes" ("hk_pessoa", "identity_record", "load_datetime", "record_source", "hd_pessoa_detalhes", "nome", "email_normalizado", "telefone")
SELECT
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hk_pessoa",
    '0000000000000000000000000000000000000000000000000000000000000000' AS "identity_record",
    TIMESTAMP '0001-01-01 00:00:00.000000 UTC' AS "load_datetime",
    'SYSTEM' AS "record_source",
    '0000000000000000000000000000000000000000000000000000000000000000' AS "hd_pessoa_detalhes",
    CAST(NULL AS varchar) AS "nome",
    CAST(NULL AS varchar) AS "email_normalizado",
    CAST(NULL AS varchar) AS "telefone"
WHERE NOT EXISTS (
    SELECT 1
    FROM "iceberg"."silver"."sat_pessoa_detalhes"
    WHERE "hk_pessoa" = '0000000000000000000000000000000000000000000000000000000000000000'
      AND "load_datetime" = TIMESTAMP '0001-01-01 00:00:00.000000 UTC')
