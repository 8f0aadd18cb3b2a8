-- vault test: ref_country.unique(country_code, load_datetime)
-- one row per code and load_datetime
SELECT "country_code", "load_datetime", count(*) AS occurrences
FROM "iceberg"."shop_silver"."ref_country"
GROUP BY "country_code", "load_datetime"
HAVING count(*) > 1
