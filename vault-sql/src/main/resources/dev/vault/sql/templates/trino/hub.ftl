<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts the business keys the hub does not have yet, each with the load_datetime and",
    "record_source of its earliest staged row (ties broken by record_source, then business key).",
    "Insert-only: a key keeps its first-seen load time and source forever."]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <@lib.columnList names=columns/>
    FROM ${table(source)}
<#if rejectKeys??>
    WHERE ${q(hashKey)} <> ${lit(rejectKeys.zeroKey)}
</#if>
</@lib.staged>
<@lib.firstSeen target=target hashKey=hashKey columns=columns tiebreak=businessKeys from="staged"/>
