-- vault test: ${comment(name)}
-- ${comment(description)}
-- A satellite row is only added when its payload changed: a row whose hashdiff equals the
-- previous row's of the same key (by load_datetime) is a duplicate version.
SELECT <#list keys as key>${q(key)}, </#list>${q(loadDatetime)}, ${q(hashdiff)}
FROM (
    SELECT
        <#list keys as key>${q(key)}, </#list>${q(loadDatetime)}, ${q(hashdiff)},
        lag(${q(hashdiff)}) OVER (
            PARTITION BY <#list keys as key>${q(key)}<#sep>, </#list>
            ORDER BY ${q(loadDatetime)}) AS ${qi("previous$hashdiff")}
    FROM ${table(target)}
)
WHERE ${q(hashdiff)} = ${qi("previous$hashdiff")}
