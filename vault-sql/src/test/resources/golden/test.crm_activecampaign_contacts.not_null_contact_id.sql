-- vault test: crm_activecampaign_contacts.not_null(contact_id)
-- no contact_id of crm_activecampaign_contacts is null (models/bronze/sources.yml:11:92)
SELECT *
FROM "iceberg"."bronze"."crm_activecampaign_contacts"
WHERE "contact_id" IS NULL
