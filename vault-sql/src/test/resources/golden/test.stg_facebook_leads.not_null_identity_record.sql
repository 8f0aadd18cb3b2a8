-- vault test: stg_facebook_leads.not_null(identity_record)
-- no identity_record of stg_facebook_leads is null (models/staging/stg_leads.yml:50:9)
SELECT *
FROM "iceberg"."silver"."stg_facebook_leads"
WHERE "identity_record" IS NULL
