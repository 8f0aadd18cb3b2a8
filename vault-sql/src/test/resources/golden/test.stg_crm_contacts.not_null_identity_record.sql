-- vault test: stg_crm_contacts.not_null(identity_record)
-- no identity_record of stg_crm_contacts is null (models/staging/stg_leads.yml:27:9)
SELECT *
FROM "iceberg"."silver"."stg_crm_contacts"
WHERE "identity_record" IS NULL
