-- vault test: sat_pessoa_detalhes.hashdiff_changes(hk_pessoa, identity_record)
-- no row of a key repeats the hashdiff of the key's previous row
-- A satellite row is only added when its payload changed: a row whose hashdiff equals the
-- previous row's of the same key (by load_datetime) is a duplicate version.
SELECT "hk_pessoa", "identity_record", "load_datetime", "hd_pessoa_detalhes"
FROM (
    SELECT
        "hk_pessoa", "identity_record", "load_datetime", "hd_pessoa_detalhes",
        lag("hd_pessoa_detalhes") OVER (
            PARTITION BY "hk_pessoa", "identity_record"
            ORDER BY "load_datetime") AS "previous$hashdiff"
    FROM "iceberg"."silver"."sat_pessoa_detalhes"
)
WHERE "hd_pessoa_detalhes" = "previous$hashdiff"
