<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts a row for every staged change of a key's payload: staged rows newer than the key's",
    "latest satellite row, in load_datetime order, kept when the hashdiff differs from the",
    "previous row's (the latest satellite row for the first). Changes inside one batch are all",
    "kept and A -> B -> A keeps three rows. Two different payloads for one key at one",
    "load_datetime fail the load; identical ones count once."]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <#list columns as column><#if column == hashdiff><@lib.hashdiff columns=diffColumns/> AS ${q(column)}<#else>${q(column)}</#if><#sep>, </#list>
    FROM ${table(source.table)}
    WHERE <#list keys as key>nullif(trim(CAST(${q(key)} AS varchar)), '') IS NOT NULL<#sep> AND </#sep></#list>
</@lib.staged>
<@lib.hashdiffChanges target=target keys=keys parentKey=keys?first hashdiff=hashdiff columns=columns message=model.name + ": key %s has different payloads at load_datetime %s (record_source %s); a satellite takes one payload per key and load time: deduplicate the source rows or give them distinct load times"/>
