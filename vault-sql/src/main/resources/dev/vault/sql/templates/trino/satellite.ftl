<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts a row for every staged change of a key's payload: staged rows newer than the key's",
    "latest satellite row, in load_datetime order, kept when the hashdiff differs from the",
    "previous row's (the latest satellite row for the first). Changes inside one batch are all",
    "kept and A -> B -> A keeps three rows. Two different payloads for one key at one",
    "load_datetime fail the load; identical ones count once."]/>
INSERT INTO ${table(target)} (<#list columns as column>${q(column)}<#sep>, </#list>)
WITH
staged AS (
<#list sources as source>
<#if source.resolved??>
    SELECT <#list columns as column><#if column == parentKey>resolved.${q(column)}<#else>staged.${q(column)}</#if><#sep>, </#list>
    FROM ${table(source.table)} AS staged
    JOIN ${table(source.resolved)} AS resolved ON resolved."identity_record" = staged."identity_record"
<#else>
    SELECT <#list columns as column>${q(column)}<#sep>, </#list>
    FROM ${table(source.table)}
<#if rejectKeys??>
    WHERE ${q(parentKey)} <> ${lit(rejectKeys.zeroKey)}
</#if>
</#if>
<#sep>
    UNION ALL
</#sep>
</#list>
),
latest AS (
    SELECT
        <#list keys as key>${q(key)}, </#list>
        max("load_datetime") AS "load_datetime",
        max_by(${q(hashdiff)}, "load_datetime") AS ${q(hashdiff)}
    FROM ${table(target)}
    WHERE ${q(parentKey)} IN (SELECT ${q(parentKey)} FROM staged)
    GROUP BY <#list keys as key>${q(key)}<#sep>, </#list>
),
delta AS (
    SELECT
        staged.*,
        min(staged.${q(hashdiff)}) OVER same_load AS "hashdiff$min",
        max(staged.${q(hashdiff)}) OVER same_load AS "hashdiff$max",
        row_number() OVER (PARTITION BY <#list keys as key>staged.${q(key)}, </#list>staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM staged
    LEFT JOIN latest ON <#list keys as key>latest.${q(key)} = staged.${q(key)}<#sep> AND </#list>
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY <#list keys as key>staged.${q(key)}, </#list>staged."load_datetime")
),
one_per_load AS (
    SELECT *
    FROM delta
    WHERE "same_load$rank" = 1
      AND IF("hashdiff$min" = "hashdiff$max", true, CAST(fail(format(
          ${lit(model.name + ": key %s has different payloads at load_datetime %s (record_source %s); a satellite takes one payload per key and load time: deduplicate the source rows or give them distinct load times")},
          ${q(parentKey)}, CAST("load_datetime" AS varchar), "record_source")) AS boolean))
),
changes AS (
    SELECT
        one_per_load.*,
        coalesce(
            lag(one_per_load.${q(hashdiff)}) OVER (PARTITION BY <#list keys as key>one_per_load.${q(key)}<#sep>, </#list> ORDER BY one_per_load."load_datetime"),
            latest.${q(hashdiff)}) AS "previous$hashdiff"
    FROM one_per_load
    LEFT JOIN latest ON <#list keys as key>latest.${q(key)} = one_per_load.${q(key)}<#sep> AND </#list>
)
SELECT <#list columns as column>${q(column)}<#sep>, </#list>
FROM changes
WHERE "previous$hashdiff" IS NULL OR ${q(hashdiff)} <> "previous$hashdiff"
