<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts the satellite's ghost record unless it is there: the zero key at the beginning of",
    "time, record source SYSTEM, a null payload. Point-in-time tables point at it when a key",
    "has no row yet, so that joins through them never lose a row."]/>
INSERT INTO ${table(target)} (<#list columns as column>${q(column.name)}<#sep>, </#list>)
SELECT
<#list columns as column>
    ${column.value} AS ${q(column.name)}<#sep>,</#sep>
</#list>
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(target)}
    WHERE ${q(parentKey)} = ${lit(zeroKey)}
      AND "load_datetime" = ${ghostLoadDatetime})
