-- vault test: hub_product.business_key_not_null(product_id)
-- every row of the hub but the zero key has a business key
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM "iceberg"."shop_silver"."hub_product"
WHERE "hk_product" <> '0000000000000000000000000000000000000000000000000000000000000000'
  AND "product_id" IS NULL
