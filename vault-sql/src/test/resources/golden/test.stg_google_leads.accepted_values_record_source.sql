-- vault test: stg_google_leads.accepted_values(record_source)
-- record_source of stg_google_leads is one of google_ads, or null (models/staging/stg_leads.yml:74:9)
SELECT *
FROM "iceberg"."silver"."stg_google_leads"
WHERE "record_source" NOT IN ('google_ads')
