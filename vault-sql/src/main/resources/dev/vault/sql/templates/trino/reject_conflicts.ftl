<#import "lib.ftl" as lib>
<#if report>
-- vault test: ${comment(name)}
-- ${comment(description)}
<#else>
<@lib.header model=model purpose=[
    "Sets aside the staged rows with different payloads for one key at one load_datetime",
    "(loading: conflicts: set-aside), which the load leaves out: they are recorded in",
    "${rejected.table} once, the reason naming the business key and every record source",
    "involved. A newer row for the key resolves the conflict (docs/loading-rules.md)."]/>
INSERT INTO ${table(rejected)} ("model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data")
</#if>
WITH
staged AS (
<#list sources as source>
    SELECT
        <#list keys as key><#if source.resolved?? && key == parentKey>resolved.${q(key)}<#else>staged.${q(key)}</#if>, </#list><#list rowKeys as key>staged.${q(key)}, </#list>staged."load_datetime", staged."record_source",
        <#if diffColumns?has_content><@lib.hashdiff columns=diffColumns/><#else>staged.${q(hashdiff)}</#if> AS "payload$hash",
        ${lit(source.name)} AS "stage",
        <@lib.businessKeyText columns=source.businessKey/> AS "business_key",
        <@lib.rowData columns=source.columns/> AS "row_data"
    FROM ${table(source.table)} AS staged
<#if source.resolved??>
    -- the person key comes from the identity hub's resolution, never the zero key
    JOIN ${table(source.resolved)} AS resolved ON resolved."identity_record" = staged."identity_record"
<#else>
    WHERE <#if codes><#list keys as key>nullif(trim(CAST(staged.${q(key)} AS varchar)), '') IS NOT NULL<#sep> AND </#sep></#list><#else>staged.${q(parentKey)} <> ${lit(zeroKey)}</#if>
</#if>
<#sep>
    UNION ALL
</#sep>
</#list>
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT <#list keys as key>${q(key)}, </#list>max("load_datetime") AS "load_datetime"
    FROM ${table(target)}
    GROUP BY <#list keys as key>${q(key)}<#sep>, </#list>
),
unloaded AS (
    -- what the load reads: staged rows newer than their key's latest row
    SELECT
        staged.*,
        min(staged."payload$hash") OVER same_row <> max(staged."payload$hash") OVER same_row AS "row$conflict"
    FROM latest
    RIGHT JOIN staged ON <#list keys as key>latest.${q(key)} = staged.${q(key)}<#sep> AND </#list>
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY <#list keys as key>staged.${q(key)}, </#list><#list rowKeys as key>staged.${q(key)}, </#list>staged."load_datetime")
),
conflicts AS (
    SELECT
        *,
        bool_or("row$conflict") OVER same_load AS "load$conflict",
        array_join(array_sort(array_distinct(array_agg("record_source") OVER same_load)), ', ') AS "record_sources"
    FROM unloaded
    WINDOW same_load AS (PARTITION BY <#list keys as key>${q(key)}, </#list>"load_datetime")
),
set_aside AS (
    SELECT
        ${lit(model.name)} AS "model",
        "stage",
        "record_source",
        "load_datetime",
        ${lit(reasonPrefix)} || "business_key" || ' from record sources ' || "record_sources" || ${lit(reasonSuffix)} AS "reason",
        "row_data"
    FROM conflicts
    WHERE "load$conflict"
)<#if report>

SELECT "stage", "record_source", "load_datetime", "reason", "row_data"
FROM set_aside
<#else>,
hashed AS (
    SELECT *, <@lib.rowHash/> AS "row_hash"
    FROM set_aside
)
SELECT "model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data"
FROM hashed
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(rejected)} AS recorded
    WHERE recorded."model" = hashed."model"
      AND recorded."row_hash" = hashed."row_hash")
</#if>
