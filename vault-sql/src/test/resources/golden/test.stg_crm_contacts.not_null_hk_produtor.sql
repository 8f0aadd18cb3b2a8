-- vault test: stg_crm_contacts.not_null(hk_produtor)
-- no hk_produtor of stg_crm_contacts is null (models/staging/stg_leads.yml:29:9)
SELECT *
FROM "iceberg"."silver"."stg_crm_contacts"
WHERE "hk_produtor" IS NULL
