-- vault non-historized link: link_order_line (models/vault.yml:47:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."link_order_line" (
    "hk_order_line" varchar NOT NULL COMMENT 'Hash key of the combination of the hubs'' business keys',
    "hk_customer" varchar NOT NULL COMMENT 'Hash key in hub_customer',
    "hk_product" varchar NOT NULL COMMENT 'Hash key in hub_product',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "order_id" varchar,
    "line_no" integer,
    "quantity" integer,
    "amount" decimal(12,2),
    "ordered_at" timestamp(6) with time zone
)
COMMENT 'Order lines (transaction link); one row per line, which never changes. (vault non-historized link link_order_line, models/vault.yml:47:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_order_line, 4)'],
    sorted_by = ARRAY['hk_order_line']
)
