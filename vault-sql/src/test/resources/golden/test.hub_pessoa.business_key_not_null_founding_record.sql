-- vault test: hub_pessoa.business_key_not_null(founding_record)
-- every row of the hub but the zero key has a business key
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM "iceberg"."silver"."hub_pessoa"
WHERE "hk_pessoa" <> '0000000000000000000000000000000000000000000000000000000000000000'
  AND "founding_record" IS NULL
