<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts the business keys the hub does not have yet, each with the load_datetime and",
    "record_source of its earliest staged row (ties broken by record_source, then business key).",
    "Insert-only: a key keeps its first-seen load time and source forever."] + unknownMember???then([
    "The zero key (the unknown member: null or blank business keys) gets the business key",
    "loading: unknown-member-key gives, whatever bad value came first."], [])/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
<#if unknownMember??>
    SELECT <#list columns as column><#if unknownMember.keys[column]??>CASE WHEN ${q(hashKey)} = ${lit(unknownMember.zeroKey)} THEN ${unknownMember.keys[column]} ELSE ${q(column)} END AS ${q(column)}<#else>${q(column)}</#if><#sep>, </#list>
<#else>
    SELECT <@lib.columnList names=columns/>
</#if>
    FROM ${table(source)}
<#if rejectKeys??>
    WHERE ${q(hashKey)} <> ${lit(rejectKeys.zeroKey)}
</#if>
</@lib.staged>
<@lib.firstSeen target=target hashKey=hashKey columns=columns tiebreak=businessKeys from="staged"/>
