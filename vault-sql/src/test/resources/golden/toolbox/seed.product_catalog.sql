-- vault source: product_catalog (models/sources.yml:26:5)
-- Replaces the table's content with the rows of seeds/batch_1/product_catalog.csv (4 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."product_catalog"
COMMENT 'Seeded by vault from seeds/batch_1/product_catalog.csv; vault fingerprint a0e4736950f4124c71d11ad8cf77926202e455c204c5a04dc41ef08f7041d666'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("product_id" AS varchar) AS "product_id",
    CAST("title" AS varchar) AS "title",
    CAST("price" AS decimal(12,2)) AS "price",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        ('P001', 'Data Vault course', '199.90', '2026-11-01 02:00:00 UTC'),
        ('P002', 'Iceberg handbook', '49.90', '2026-11-01 02:00:00 UTC'),
        ('P003', 'Trino mug', '19.90', '2026-11-01 02:00:00 UTC'),
        ('P004', 'Lakehouse poster', '9.90', '2026-11-01 02:00:00 UTC')
) AS seed ("product_id", "title", "price", "loaded_at")
