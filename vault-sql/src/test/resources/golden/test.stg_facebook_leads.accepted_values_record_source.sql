-- vault test: stg_facebook_leads.accepted_values(record_source)
-- record_source of stg_facebook_leads is one of facebook_ads, or null (models/staging/stg_leads.yml:51:9)
SELECT *
FROM "iceberg"."silver"."stg_facebook_leads"
WHERE "record_source" NOT IN ('facebook_ads')
