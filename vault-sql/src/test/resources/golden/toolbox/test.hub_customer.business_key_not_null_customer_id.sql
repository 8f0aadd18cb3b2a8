-- vault test: hub_customer.business_key_not_null(customer_id)
-- every row of the hub but the zero key has a business key
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM "iceberg"."shop_silver"."hub_customer"
WHERE "hk_customer" <> '0000000000000000000000000000000000000000000000000000000000000000'
  AND "customer_id" IS NULL
