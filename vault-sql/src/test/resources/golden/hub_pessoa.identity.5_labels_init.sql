CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_labels_a" AS
SELECT vid, vid AS label
FROM "iceberg"."silver"."hub_pessoa_work_records"
