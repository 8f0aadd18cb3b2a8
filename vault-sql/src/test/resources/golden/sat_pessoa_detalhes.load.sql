-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Inserts a row for every staged change of a key's payload: staged rows newer than the key's
-- latest satellite row, in load_datetime order, kept when the hashdiff differs from the
-- previous row's (the latest satellite row for the first). Changes inside one batch are all
-- kept and A -> B -> A keeps three rows. Identical payloads for one key at one load_datetime
-- count once; different ones are left out: the statement before set them aside.
-- (loading: conflicts: set-aside, docs/loading-rules.md)
INSERT INTO "iceberg"."silver"."sat_pessoa_detalhes" ("hk_pessoa", "identity_record", "load_datetime", "record_source", "hd_pessoa_detalhes", "nome", "email_normalizado", "telefone")
WITH
staged AS (
    SELECT resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source", staged."hd_pessoa_detalhes", staged."nome", staged."email_normalizado", staged."telefone"
    FROM "iceberg"."silver"."stg_crm_contacts" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source", staged."hd_pessoa_detalhes", staged."nome", staged."email_normalizado", staged."telefone"
    FROM "iceberg"."silver"."stg_facebook_leads" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source", staged."hd_pessoa_detalhes", staged."nome", staged."email_normalizado", staged."telefone"
    FROM "iceberg"."silver"."stg_google_leads" AS staged
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT
        "hk_pessoa", "identity_record",
        max("load_datetime") AS "load_datetime",
        max_by("hd_pessoa_detalhes", "load_datetime") AS "hd_pessoa_detalhes"
    FROM "iceberg"."silver"."sat_pessoa_detalhes"
    GROUP BY "hk_pessoa", "identity_record"
),
delta AS (
    SELECT
        staged.*,
        latest."hd_pessoa_detalhes" AS "latest$hashdiff",
        min(staged."hd_pessoa_detalhes") OVER same_load AS "hashdiff$min",
        max(staged."hd_pessoa_detalhes") OVER same_load AS "hashdiff$max",
        row_number() OVER (PARTITION BY staged."hk_pessoa", staged."identity_record", staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM latest
    RIGHT JOIN staged ON latest."hk_pessoa" = staged."hk_pessoa" AND latest."identity_record" = staged."identity_record"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY staged."hk_pessoa", staged."identity_record", staged."load_datetime")
),
one_per_load AS (
    SELECT *
    FROM delta
    WHERE "same_load$rank" = 1
      AND "hashdiff$min" = "hashdiff$max"
),
changes AS (
    SELECT
        one_per_load.*,
        coalesce(
            lag(one_per_load."hd_pessoa_detalhes") OVER (PARTITION BY one_per_load."hk_pessoa", one_per_load."identity_record" ORDER BY one_per_load."load_datetime"),
            one_per_load."latest$hashdiff") AS "previous$hashdiff"
    FROM one_per_load
)
SELECT "hk_pessoa", "identity_record", "load_datetime", "record_source", "hd_pessoa_detalhes", "nome", "email_normalizado", "telefone"
FROM changes
WHERE "previous$hashdiff" IS NULL OR "hd_pessoa_detalhes" <> "previous$hashdiff"
