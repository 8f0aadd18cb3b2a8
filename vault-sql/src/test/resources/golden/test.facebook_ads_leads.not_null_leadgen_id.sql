-- vault test: facebook_ads_leads.not_null(leadgen_id)
-- no leadgen_id of facebook_ads_leads is null (models/bronze/sources.yml:28:52)
SELECT *
FROM "iceberg"."bronze"."facebook_ads_leads"
WHERE "leadgen_id" IS NULL
