<#import "lib.ftl" as lib>
<#if payload?has_content>
<@lib.header model=model purpose=[
    "Non-historized link: inserts the events the link does not have yet, each with its payload,",
    "load_datetime and record_source as first staged (ties broken by record_source, then by",
    "the payload, so the row kept never depends on the engine). Events never change: a later",
    "row with the same key is ignored. Insert-only."]/>
<#else>
<@lib.header model=model purpose=[
    "Inserts the key combinations the link does not have yet, each with the load_datetime and",
    "record_source of its earliest staged row (ties broken by record_source). Insert-only."]/>
</#if>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <#if !computedKey>staged.${q(hashKey)}, </#if><#list foreignKeys as key><#if source.resolved?? && key.resolved>resolved.${q(key.hubKey)} AS ${q(key.column)}<#else>staged.${q(key.column)}</#if>, </#list><#list payload as column>staged.${q(column)}, </#list>staged."load_datetime", staged."record_source"
    FROM ${table(source.table)} AS staged
<#if source.resolved??>
    JOIN ${table(source.resolved)} AS resolved ON resolved."identity_record" = staged."identity_record"
</#if>
<#if rejectKeys?? && !source.resolved??>
    WHERE <#list rejectKeys.columns as column>staged.${q(column)} <> ${lit(rejectKeys.zeroKey)}<#sep> AND </#sep></#list>
</#if>
</@lib.staged>
<#if computedKey>
keyed AS (
    -- the parents' keys are resolved persons: the link key is the hash of the parents' keys
    SELECT <@lib.hash function=hashFunction>concat_ws('|'<#list foreignKeys as key>, ${q(key.column)}</#list>)</@lib.hash> AS ${q(hashKey)}, *
    FROM staged
),
</#if>
<@lib.firstSeen target=target hashKey=hashKey columns=columns tiebreak=tiebreak from=computedKey?then("keyed", "staged")/>
