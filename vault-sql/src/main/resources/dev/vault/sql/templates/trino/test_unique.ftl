-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT <#list columns as column>${q(column)}, </#list>count(*) AS occurrences
FROM ${table(target)}
<#if where?has_content || skipNulls>
WHERE <#if where?has_content>(${where})<#if skipNulls>
  AND </#if></#if><#if skipNulls><#list columns as column>${q(column)} IS NOT NULL<#sep>
  AND </#list></#if>
</#if>
GROUP BY <#list columns as column>${q(column)}<#sep>, </#list>
HAVING count(*) > 1
