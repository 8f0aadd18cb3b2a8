<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Sets aside the staged rows whose key is null or blank, which the load leaves out: they",
    "are recorded in ${rejected.table} with the reason and the row, once (docs/loading-rules.md)."]/>
INSERT INTO ${table(rejected)} ("model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data")
WITH
candidates AS (
<#list sources as source>
    SELECT
        ${lit(model.name)} AS "model",
        ${lit(source.name)} AS "stage",
        "record_source",
        "load_datetime",
        ${lit(reason)} AS "reason",
        <@lib.rowData columns=source.columns/> AS "row_data"
    FROM ${table(source.table)}
    WHERE <#list keys as key><#if codes>nullif(trim(CAST(${q(key)} AS varchar)), '') IS NULL<#else>${q(key)} = ${lit(zeroKey)}</#if><#sep> OR </#sep></#list>
<#sep>
    UNION ALL
</#sep>
</#list>
),
hashed AS (
    SELECT *, <@lib.rowHash/> AS "row_hash"
    FROM candidates
)
SELECT "model", "stage", "record_source", "load_datetime", "reason", "row_hash", "row_data"
FROM hashed
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(rejected)} AS recorded
    WHERE recorded."model" = hashed."model"
      AND recorded."row_hash" = hashed."row_hash")
