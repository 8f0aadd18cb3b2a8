-- vault source: customer_duplicates (models/sources.yml:50:5)
-- Replaces the table's content with the rows of seeds/batch_1/customer_duplicates.csv (0 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."customer_duplicates"
COMMENT 'Seeded by vault from seeds/batch_1/customer_duplicates.csv; vault fingerprint f3053dfe7badbdef32b43c75a0b5a9f3659df1f49cb207459f549686f2e116c3'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("customer_id" AS varchar) AS "customer_id",
    CAST("duplicate_of" AS varchar) AS "duplicate_of",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        (NULL, NULL, NULL)
) AS seed ("customer_id", "duplicate_of", "loaded_at")
WHERE false
