-- vault test: stg_google_leads.unique(lead_id, load_datetime)
-- every combination of lead_id, load_datetime of stg_google_leads appears once, nulls aside (models/staging/stg_leads.yml:73:9)
SELECT "lead_id", "load_datetime", count(*) AS occurrences
FROM "iceberg"."silver"."stg_google_leads"
WHERE "lead_id" IS NOT NULL
  AND "load_datetime" IS NOT NULL
GROUP BY "lead_id", "load_datetime"
HAVING count(*) > 1
