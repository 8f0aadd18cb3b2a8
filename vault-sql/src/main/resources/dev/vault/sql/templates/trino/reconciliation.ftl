<#import "lib.ftl" as lib>
-- vault reconciliation: ${comment(model.name)} from ${comment(stage.name)}
-- Every row of the stage (one per bronze row) is loaded (its key is in the table) or set aside
-- (in ${comment(rejected.table)}, with null-keys: reject); the rest would be rows lost.
WITH
staged AS (
    SELECT <#list keys as key>${q(key)}, </#list><@lib.rowData columns=stage.columns/> AS "row_data", "load_datetime"
    FROM ${table(stage.table)}
),
target_keys AS (
    SELECT DISTINCT ${q(keys[0])}
    FROM ${table(target)}
<#if ghost??>
    -- the ghost record stands for no bronze row
    WHERE NOT ("record_source" = ${lit(ghost.ghostRecordSource)} AND "load_datetime" = ${ghost.ghostLoadDatetime})
</#if>
)<#if rejectedExists>,
rejected_rows AS (
    SELECT DISTINCT "row_hash"
    FROM ${table(rejected)}
    WHERE "model" = ${lit(model.name)} AND "stage" = ${lit(stage.name)}
)</#if>
SELECT
    count(*) AS "bronze_rows",
    count_if(target_keys.${q(keys[0])} IS NOT NULL) AS "loaded_rows",
    <#if rejectedExists>count_if(target_keys.${q(keys[0])} IS NULL AND rejected_rows."row_hash" IS NOT NULL)<#else>0</#if> AS "rejected_rows"
FROM staged
LEFT JOIN target_keys ON target_keys.${q(keys[0])} = staged.${q(keys[0])}
<#if rejectedExists>
LEFT JOIN rejected_rows ON rejected_rows."row_hash" = <@lib.rowHash/>
</#if>
