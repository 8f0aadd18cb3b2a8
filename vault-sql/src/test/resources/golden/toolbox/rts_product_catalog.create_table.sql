-- vault record-tracking satellite: rts_product_catalog (models/vault.yml:91:5)
-- Creates the table if it does not exist; never drops or rewrites it.
CREATE TABLE IF NOT EXISTS "iceberg"."shop_silver"."rts_product_catalog" (
    "hk_product" varchar NOT NULL COMMENT 'Hash key in hub_product',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'When the row''s source data landed in bronze',
    "record_source" varchar NOT NULL COMMENT 'Source system of the row',
    "is_present" boolean NOT NULL COMMENT 'Whether the key is in the record source''s full extract of load_datetime'
)
COMMENT 'Whether a product is in the catalog''s full export; a delisted product gets is_present false. (vault record-tracking satellite rts_product_catalog, models/vault.yml:91:5)'
WITH (
    format = 'PARQUET',
    format_version = 2,
    partitioning = ARRAY['bucket(hk_product, 4)'],
    sorted_by = ARRAY['hk_product', 'load_datetime']
)
