<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["The latest row of every code of the reference table."]/>
CREATE OR REPLACE VIEW ${table(current)} AS
SELECT <#list columns as column>${q(column)}<#sep>, </#list>
FROM (
    SELECT *, row_number() OVER (PARTITION BY <#list keys as key>${q(key)}<#sep>, </#list> ORDER BY "load_datetime" DESC) AS "latest$rank"
    FROM ${table(target)}
)
WHERE "latest$rank" = 1
