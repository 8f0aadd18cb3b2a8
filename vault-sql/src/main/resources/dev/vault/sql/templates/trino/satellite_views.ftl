<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "End-dated view of the satellite: each row is in effect from its load_datetime until the",
    "next row of its key (load_end_datetime, exclusive), the current row until the end of time.",
    "The ghost record is left out."]/>
CREATE OR REPLACE VIEW ${table(endDated)} AS
SELECT
    *,
    coalesce(
        lead("load_datetime") OVER key_history,
        TIMESTAMP ${lit(endOfTime)}) AS "load_end_datetime",
    lead("load_datetime") OVER key_history IS NULL AS "is_current"
FROM ${table(target)}
WHERE NOT (${q(parentKey)} = ${lit(zeroKey)} AND "record_source" = ${lit(ghostRecordSource)})
WINDOW key_history AS (PARTITION BY <#list keys as key>${q(key)}<#sep>, </#list> ORDER BY "load_datetime")
