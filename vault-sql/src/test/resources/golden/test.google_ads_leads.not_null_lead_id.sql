-- vault test: google_ads_leads.not_null(lead_id)
-- no lead_id of google_ads_leads is null (models/bronze/sources.yml:43:49)
SELECT *
FROM "iceberg"."bronze"."google_ads_leads"
WHERE "lead_id" IS NULL
