-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT *
FROM ${table(target)}
WHERE <#if where?has_content>(${where})
  AND </#if>${q(column)} NOT IN (<#list values as value>${value}<#sep>, </#list>)
