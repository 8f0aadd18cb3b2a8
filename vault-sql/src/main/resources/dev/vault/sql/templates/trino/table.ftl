<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["Creates the table if it does not exist; never drops or rewrites it."]/>
CREATE TABLE IF NOT EXISTS ${table(target)} (
<#list columns as column>
    ${q(column.name)} ${column.type}<#if column.notNull> NOT NULL</#if><#if column.comment?has_content> COMMENT ${lit(column.comment)}</#if><#sep>,</#sep>
</#list>
)
<#if description?has_content>
COMMENT ${lit(description)}
</#if>
<@lib.icebergProperties partitioning=partitioning sortedBy=sortedBy/>
