-- vault test: hub_manager.business_key_not_null(account_manager_id)
-- every row of the hub but the zero key has a business key
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM "iceberg"."shop_silver"."hub_manager"
WHERE "hk_manager" <> '0000000000000000000000000000000000000000000000000000000000000000'
  AND "account_manager_id" IS NULL
