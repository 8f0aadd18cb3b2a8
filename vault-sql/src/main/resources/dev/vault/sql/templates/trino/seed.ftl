<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["Replaces the table's content with the rows of " + files + " (" + rowCount + " rows), in one atomic replace."]/>
CREATE OR REPLACE TABLE ${table(target)}
COMMENT ${lit(tableComment)}
<@lib.icebergProperties partitioning=[] sortedBy=[]/>
AS
SELECT
<#list columns as column>
    CAST(${q(column.name)} AS ${column.type}) AS ${q(column.name)}<#sep>,</#sep>
</#list>
FROM (
    VALUES
<#list rows as row>
        (<#list row as value><#if value?has_content>${lit(value)}<#else>NULL</#if><#sep>, </#list>)<#sep>,</#sep>
</#list>
) AS seed (<#list columns as column>${q(column.name)}<#sep>, </#list>)
<#if empty>
WHERE false
</#if>
