-- vault test: ${comment(name)}
-- ${comment(description)}
-- The expression is the model's SQL, run as written; a row where it is false or null fails.
SELECT *
FROM ${table(target)}
WHERE <#if where?has_content>(${where})
  AND </#if>NOT coalesce((${expression}), false)
