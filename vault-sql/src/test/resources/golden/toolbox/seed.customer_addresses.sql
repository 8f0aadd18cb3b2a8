-- vault source: customer_addresses (models/sources.yml:15:5)
-- Replaces the table's content with the rows of seeds/batch_1/customer_addresses.csv (3 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."customer_addresses"
COMMENT 'Seeded by vault from seeds/batch_1/customer_addresses.csv; vault fingerprint 78232bb36ce4daaa0c9ade68593dd736f08bab37ee6d1e38674c23f7c3d56e2e'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("customer_id" AS varchar) AS "customer_id",
    CAST("address_type" AS varchar) AS "address_type",
    CAST("street" AS varchar) AS "street",
    CAST("city" AS varchar) AS "city",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        ('C001', 'home', 'Rua A 10', 'São Paulo', '2026-11-01 02:00:00 UTC'),
        ('C001', 'work', 'Av. Paulista 1000', 'São Paulo', '2026-11-01 02:00:00 UTC'),
        ('C002', 'home', 'Rua B 20', 'Campinas', '2026-11-01 02:00:00 UTC')
) AS seed ("customer_id", "address_type", "street", "city", "loaded_at")
