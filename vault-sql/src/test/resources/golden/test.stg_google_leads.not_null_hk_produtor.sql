-- vault test: stg_google_leads.not_null(hk_produtor)
-- no hk_produtor of stg_google_leads is null (models/staging/stg_leads.yml:75:9)
SELECT *
FROM "iceberg"."silver"."stg_google_leads"
WHERE "hk_produtor" IS NULL
