-- vault test: stg_google_leads.not_null(identity_record)
-- no identity_record of stg_google_leads is null (models/staging/stg_leads.yml:73:9)
SELECT *
FROM "iceberg"."silver"."stg_google_leads"
WHERE "identity_record" IS NULL
