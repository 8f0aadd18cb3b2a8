-- vault test: stg_crm_contacts.unique(contact_id, load_datetime)
-- every combination of contact_id, load_datetime of stg_crm_contacts appears once, nulls aside (models/staging/stg_leads.yml:27:9)
SELECT "contact_id", "load_datetime", count(*) AS occurrences
FROM "iceberg"."silver"."stg_crm_contacts"
WHERE "contact_id" IS NOT NULL
  AND "load_datetime" IS NOT NULL
GROUP BY "contact_id", "load_datetime"
HAVING count(*) > 1
