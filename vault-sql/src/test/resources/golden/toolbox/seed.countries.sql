-- vault source: countries (models/sources.yml:59:5)
-- Replaces the table's content with the rows of seeds/batch_1/countries.csv (3 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."countries"
COMMENT 'Seeded by vault from seeds/batch_1/countries.csv; vault fingerprint 2b502982c4685693f947a86b16177c60742e22732ad0ac9381745e365bab47f8'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("country_code" AS varchar) AS "country_code",
    CAST("country_name" AS varchar) AS "country_name",
    CAST("region" AS varchar) AS "region",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        ('BR', 'Brasil', 'South America', '2026-11-01 02:00:00 UTC'),
        ('PT', 'Portugal', 'Europe', '2026-11-01 02:00:00 UTC'),
        ('US', 'United States', 'North America', '2026-11-01 02:00:00 UTC')
) AS seed ("country_code", "country_name", "region", "loaded_at")
