<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts the key combinations the link does not have yet, each with the load_datetime and",
    "record_source of its earliest staged row (ties broken by record_source). Insert-only."]/>
INSERT INTO ${table(target)} (<#list columns as column>${q(column)}<#sep>, </#list>)
WITH
staged AS (
<#list sources as source>
    SELECT <#list columns as column>${q(column)}<#sep>, </#list>
    FROM ${table(source)}
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
            ORDER BY "load_datetime", "record_source"<#list foreignKeys as key>, ${q(key)}</#list>) AS "first_seen$rank"
    FROM staged
)
SELECT <#list columns as column>${q(column)}<#sep>, </#list>
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(target)} AS existing
      WHERE existing.${q(hashKey)} = first_seen.${q(hashKey)})
