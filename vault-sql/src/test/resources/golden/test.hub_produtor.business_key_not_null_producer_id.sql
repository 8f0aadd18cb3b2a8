-- vault test: hub_produtor.business_key_not_null(producer_id)
-- every row of the hub but the zero key has a business key
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM "iceberg"."silver"."hub_produtor"
WHERE "hk_produtor" <> '0000000000000000000000000000000000000000000000000000000000000000'
  AND "producer_id" IS NULL
