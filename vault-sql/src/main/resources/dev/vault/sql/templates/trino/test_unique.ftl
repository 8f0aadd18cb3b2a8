-- vault test: ${comment(name)}
-- ${comment(description)}
SELECT count(*) AS failing_rows
FROM (
    SELECT <#list columns as column>${q(column)}<#sep>, </#list>
    FROM ${table(target)}
    GROUP BY <#list columns as column>${q(column)}<#sep>, </#list>
    HAVING count(*) > 1
)
