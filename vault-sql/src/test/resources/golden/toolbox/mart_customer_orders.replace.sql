-- vault mart: mart_customer_orders (models/marts.yml:2:5)
-- Rebuilds the table from the query in one atomic replace, only when the query or an input
-- table changed since the last build (the fingerprint in the table comment says which).
CREATE OR REPLACE TABLE "iceberg"."shop_gold"."mart_customer_orders"
COMMENT 'Current customer details with their country, manager and order totals. (vault mart mart_customer_orders, models/marts.yml:2:5); vault fingerprint 0123456789abcdef'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
WITH orders AS (
    SELECT hk_customer, count(*) AS order_lines, sum(amount) AS total_amount
    FROM "iceberg"."shop_silver"."link_order_line"
    GROUP BY hk_customer
),
managers AS (
    SELECT link.hk_customer, manager.account_manager_id
    FROM "iceberg"."shop_silver"."esat_customer_manager" AS eff
    JOIN "iceberg"."shop_silver"."link_customer_manager" AS link ON link.hk_customer_manager = eff.hk_customer_manager
    JOIN "iceberg"."shop_silver"."hub_manager" AS manager ON manager.hk_manager = link.hk_manager
    WHERE eff.is_active
      AND eff.load_datetime = (SELECT max(latest.load_datetime) FROM "iceberg"."shop_silver"."esat_customer_manager" AS latest WHERE latest.hk_customer = eff.hk_customer)
)
SELECT
    customer.customer_id,
    details.full_name,
    details.email_clean AS email,
    country.country_name,
    managers.account_manager_id,
    coalesce(orders.order_lines, 0) AS order_lines,
    coalesce(orders.total_amount, 0) AS total_amount
FROM "iceberg"."shop_silver"."hub_customer" AS customer
LEFT JOIN "iceberg"."shop_silver"."sat_customer_current" AS details ON details.hk_customer = customer.hk_customer
LEFT JOIN "iceberg"."shop_silver"."ref_country_current" AS country ON country.country_code = details.country_code
LEFT JOIN managers ON managers.hk_customer = customer.hk_customer
LEFT JOIN orders ON orders.hk_customer = customer.hk_customer
