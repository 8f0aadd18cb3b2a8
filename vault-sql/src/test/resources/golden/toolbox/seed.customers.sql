-- vault source: customers (models/sources.yml:3:5)
-- Replaces the table's content with the rows of seeds/batch_1/customers.csv (5 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."customers"
COMMENT 'Seeded by vault from seeds/batch_1/customers.csv; vault fingerprint ce32d9e2369ae29b40b87f186c78136395ab9698362de1933449fddaafcaad01'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("customer_id" AS varchar) AS "customer_id",
    CAST("full_name" AS varchar) AS "full_name",
    CAST("email" AS varchar) AS "email",
    CAST("country_code" AS varchar) AS "country_code",
    CAST("account_manager_id" AS varchar) AS "account_manager_id",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        ('C001', 'Ana Souza', 'ana.souza@example.com', 'BR', 'M01', '2026-11-01 02:00:00 UTC'),
        ('C002', 'Bruno Lima', 'bruno@example.com', 'BR', 'M01', '2026-11-01 02:00:00 UTC'),
        ('C003', 'Carla Mendes', 'carla@example.pt', 'PT', 'M01', '2026-11-01 02:00:00 UTC'),
        ('C004', 'Ana Souza', 'ANA.SOUZA@example.com ', 'BR', 'M02', '2026-11-01 02:00:00 UTC'),
        ('C005', 'Dave Smith', 'dave@example.com', 'US', 'M02', '2026-11-01 02:00:00 UTC')
) AS seed ("customer_id", "full_name", "email", "country_code", "account_manager_id", "loaded_at")
