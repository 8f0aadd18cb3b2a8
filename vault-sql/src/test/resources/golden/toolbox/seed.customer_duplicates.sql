-- vault source: customer_duplicates (models/sources.yml:50:5)
-- Replaces the table's content with the rows of seeds/batch_1/customer_duplicates.csv (0 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."customer_duplicates"
COMMENT 'Seeded by vault from seeds/batch_1/customer_duplicates.csv; vault fingerprint b6b9ba81021abecef875795c925ab42b209a08aa6989cfbbb9c6ce66ba6109ff'
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
