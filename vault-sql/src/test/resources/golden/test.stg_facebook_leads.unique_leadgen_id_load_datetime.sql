-- vault test: stg_facebook_leads.unique(leadgen_id, load_datetime)
-- every combination of leadgen_id, load_datetime of stg_facebook_leads appears once, nulls aside (models/staging/stg_leads.yml:50:9)
SELECT "leadgen_id", "load_datetime", count(*) AS occurrences
FROM "iceberg"."silver"."stg_facebook_leads"
WHERE "leadgen_id" IS NOT NULL
  AND "load_datetime" IS NOT NULL
GROUP BY "leadgen_id", "load_datetime"
HAVING count(*) > 1
