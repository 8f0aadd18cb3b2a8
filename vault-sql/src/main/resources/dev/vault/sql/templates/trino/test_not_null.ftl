-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT *
FROM ${table(target)}
WHERE <#if where?has_content>(${where})
  AND </#if><#list columns as column>${q(column)} IS NULL<#sep>
  AND </#list>
