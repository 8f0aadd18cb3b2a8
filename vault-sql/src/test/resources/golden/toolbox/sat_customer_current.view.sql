-- vault satellite: sat_customer (models/vault.yml:56:5)
-- The current row of every key of the satellite.
CREATE OR REPLACE VIEW "iceberg"."shop_silver"."sat_customer_current" AS
SELECT *
FROM "iceberg"."shop_silver"."sat_customer_end_dated"
WHERE "is_current"
