-- vault test: stg_facebook_leads.not_null(hk_produtor)
-- no hk_produtor of stg_facebook_leads is null (models/staging/stg_leads.yml:52:9)
SELECT *
FROM "iceberg"."silver"."stg_facebook_leads"
WHERE "hk_produtor" IS NULL
