-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT count(*) AS failing_rows
FROM ${table(child)} AS child
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(parent)} AS parent
    WHERE parent.${q(parentColumn)} = child.${q(childColumn)})
<#if ghost??>
  AND NOT (child.${q(childColumn)} = ${lit(ghost.zeroKey)} AND child."record_source" = ${lit(ghost.ghostRecordSource)})
</#if>
