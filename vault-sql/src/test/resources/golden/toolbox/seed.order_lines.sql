-- vault source: order_lines (models/sources.yml:36:5)
-- Replaces the table's content with the rows of seeds/batch_1/order_lines.csv (4 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."shop_bronze"."order_lines"
COMMENT 'Seeded by vault from seeds/batch_1/order_lines.csv; vault fingerprint b300a23863e0f820756c0317f2faf076dd52a96030bac5784e30286192db7132'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("order_id" AS varchar) AS "order_id",
    CAST("line_no" AS integer) AS "line_no",
    CAST("customer_id" AS varchar) AS "customer_id",
    CAST("product_id" AS varchar) AS "product_id",
    CAST("quantity" AS integer) AS "quantity",
    CAST("amount" AS decimal(12,2)) AS "amount",
    CAST("ordered_at" AS timestamp(6) with time zone) AS "ordered_at",
    CAST("loaded_at" AS timestamp(6) with time zone) AS "loaded_at"
FROM (
    VALUES
        ('O1001', '1', 'C001', 'P001', '1', '199.90', '2026-10-30 10:00:00 UTC', '2026-11-01 02:00:00 UTC'),
        ('O1001', '2', 'C001', 'P003', '2', '39.80', '2026-10-30 10:00:00 UTC', '2026-11-01 02:00:00 UTC'),
        ('O1002', '1', 'C002', 'P002', '1', '49.90', '2026-10-31 15:30:00 UTC', '2026-11-01 02:00:00 UTC'),
        ('O1003', '1', 'C003', 'P001', '1', '199.90', '2026-10-31 18:00:00 UTC', '2026-11-01 02:00:00 UTC')
) AS seed ("order_id", "line_no", "customer_id", "product_id", "quantity", "amount", "ordered_at", "loaded_at")
