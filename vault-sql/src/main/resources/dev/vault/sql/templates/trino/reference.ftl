<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts a row for every staged change of a key's payload: staged rows newer than the key's",
    "latest satellite row, in load_datetime order, kept when the hashdiff differs from the",
    "previous row's (the latest satellite row for the first). Changes inside one batch are all",
    "kept and A -> B -> A keeps three rows. Identical payloads for one code at one load_datetime",
    "count once; different ones " + (conflicts == "fail")?then("fail the load (loading: conflicts: fail).", "are left out: the statement before set them aside."),
    "(loading: conflicts: " + conflicts + ", docs/loading-rules.md)"]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <#list columns as column><#if column == hashdiff><@lib.hashdiff columns=diffColumns/> AS ${q(column)}<#else>${q(column)}</#if><#sep>, </#list><#if conflicts == "fail">, <@lib.businessKeyText columns=keys/> AS "business_key"</#if>
    FROM ${table(source.table)}
    WHERE <#list keys as key>nullif(trim(CAST(${q(key)} AS varchar)), '') IS NOT NULL<#sep> AND </#sep></#list>
</@lib.staged>
<@lib.hashdiffChanges target=target keys=keys hashdiff=hashdiff columns=columns conflicts=conflicts message=model.name + ": different payloads for %s at load_datetime %s from record sources %s; a reference table takes one payload per code and load time. With loading: conflicts: set-aside (the default) such rows go to vault_rejected_rows and the rest of the batch loads; or give the rows distinct load times in the stage"/>
