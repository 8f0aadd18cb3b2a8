-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT count(*) AS ghost_rows
FROM ${table(target)}
WHERE ${q(parentKey)} = ${lit(zeroKey)}
  AND "record_source" = ${lit(ghostRecordSource)}
  AND "load_datetime" = ${ghostLoadDatetime}
HAVING count(*) <> 1
