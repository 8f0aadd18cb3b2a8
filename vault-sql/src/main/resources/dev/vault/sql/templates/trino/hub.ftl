<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts the business keys the hub does not have yet, each with the load_datetime and",
    "record_source of its earliest staged row (ties broken by record_source, then business key).",
    "Insert-only: a key keeps its first-seen load time and source forever."]/>
INSERT INTO ${table(target)} (<#list columns as column>${q(column)}<#sep>, </#list>)
WITH
staged AS (
<#list sources as source>
    SELECT <#list columns as column>${q(column)}<#sep>, </#list>
    FROM ${table(source)}
<#if rejectKeys??>
    WHERE ${q(hashKey)} <> ${lit(rejectKeys.zeroKey)}
</#if>
<#sep>
    UNION ALL
</#sep>
</#list>
),
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY ${q(hashKey)}
            ORDER BY "load_datetime", "record_source"<#list businessKeys as key>, ${q(key)}</#list>) AS "first_seen$rank"
    FROM staged
)
SELECT <#list columns as column>${q(column)}<#sep>, </#list>
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(target)} AS existing
      WHERE existing.${q(hashKey)} = first_seen.${q(hashKey)})
