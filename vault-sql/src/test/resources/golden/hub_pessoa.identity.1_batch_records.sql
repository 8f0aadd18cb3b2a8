-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: every record of the batch once, with its first load and source.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_batch_records" AS
SELECT "identity_record", min("load_datetime") AS first_load, min_by("record_source", "load_datetime") AS first_source
FROM (
    SELECT "identity_record", "load_datetime", "record_source" FROM "iceberg"."silver"."stg_crm_contacts"
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source" FROM "iceberg"."silver"."stg_facebook_leads"
    UNION ALL
    SELECT "identity_record", "load_datetime", "record_source" FROM "iceberg"."silver"."stg_google_leads"
)
GROUP BY "identity_record"
