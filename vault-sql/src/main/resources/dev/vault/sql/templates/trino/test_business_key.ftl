-- vault test: ${comment(name)}
-- ${comment(description)}
-- The zero key is the hub's "unknown" member: the rows whose business keys were all null.
SELECT *
FROM ${table(target)}
WHERE ${q(hashKey)} <> ${lit(zeroKey)}
  AND <#list businessKeys as column>${q(column)} IS NULL<#sep>
  AND </#list>
