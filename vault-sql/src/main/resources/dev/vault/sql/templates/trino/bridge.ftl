<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts, for every snapshot newer than the bridge's latest, the combinations of link and hub",
    "keys along the path that existed then: links are insert-only, so a link row exists at a",
    "snapshot when it was loaded at or before it. Insert-only: a built snapshot is never rebuilt."]/>
INSERT INTO ${table(target)} (<#list columns as column>${q(column)}<#sep>, </#list>)
WITH
built AS (
    SELECT max("snapshot_datetime") AS "latest"
    FROM ${table(target)}
)
SELECT
    snapshots."snapshot_datetime",
<#list steps as step>
    ${step.alias}.${q(step.hashKey)}<#list step.added as added>,
    ${added.expression} AS ${q(added.column)}</#list><#sep>,</#sep>
</#list>
FROM ${table(snapshots)} AS snapshots
CROSS JOIN built
<#list steps as step>
-- ${comment(step.link)}
JOIN ${table(step.table)} AS ${step.alias}
  ON ${step.alias}."load_datetime" <= snapshots."snapshot_datetime"<#list step.joins as join>
 AND ${join.left} = ${join.right}</#list>
</#list>
WHERE built."latest" IS NULL
   OR snapshots."snapshot_datetime" > built."latest"
