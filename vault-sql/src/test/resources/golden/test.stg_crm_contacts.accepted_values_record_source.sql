-- vault test: stg_crm_contacts.accepted_values(record_source)
-- record_source of stg_crm_contacts is one of activecampaign, or null (models/staging/stg_leads.yml:28:9)
SELECT *
FROM "iceberg"."silver"."stg_crm_contacts"
WHERE "record_source" NOT IN ('activecampaign')
