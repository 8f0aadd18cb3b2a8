-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT child.*
FROM ${table(child)} AS child
WHERE <#if where?has_content>(${where})
  AND </#if>child.${q(childColumn)} IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(parent)} AS parent
      WHERE parent.${q(parentColumn)} = child.${q(childColumn)})
<#if ghost??>
  AND NOT (child.${q(childColumn)} = ${lit(ghost.zeroKey)} AND child."record_source" = ${lit(ghost.ghostRecordSource)})
</#if>
