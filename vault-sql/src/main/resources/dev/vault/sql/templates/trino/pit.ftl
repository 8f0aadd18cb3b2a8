<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Inserts, for every key of " + parentName + " and every snapshot at or after the key was first",
    "loaded that the PIT does not have for it yet (new snapshots for every key, every snapshot",
    "for a new key), the key and load_datetime of each satellite's row current at the snapshot:",
    "its latest row loaded at or before it, else the ghost record (zero key, " + ghostLoadDatetime + ").",
    "Insert-only: a built snapshot is never rebuilt."]/>
INSERT INTO ${table(target)} (${q(parentKey)}, "snapshot_datetime"<#list satellites as satellite>, ${q(satellite.keyColumn)}, ${q(satellite.loadColumn)}</#list>)
WITH
built AS (
    SELECT max("snapshot_datetime") AS "latest"
    FROM ${table(target)}
),
pending AS (
    SELECT parent.${q(parentKey)}, snapshots."snapshot_datetime"
    FROM ${table(parent)} AS parent
    JOIN ${table(snapshots)} AS snapshots ON snapshots."snapshot_datetime" >= parent."load_datetime"
    CROSS JOIN built
    WHERE built."latest" IS NULL
       OR snapshots."snapshot_datetime" > built."latest"
       OR NOT EXISTS (
           SELECT 1
           FROM ${table(target)} AS existing
           WHERE existing.${q(parentKey)} = parent.${q(parentKey)})
)<#list satellites as satellite>,
${qi("current$" + satellite?counter)} AS (
    -- ${comment(satellite.name)}: the latest row of each pending key at or before its snapshot
    SELECT pending.${q(parentKey)}, pending."snapshot_datetime", max(satellite."load_datetime") AS "load_datetime"
    FROM pending
    JOIN ${table(satellite.table)} AS satellite
      ON satellite.${q(parentKey)} = pending.${q(parentKey)}
     AND satellite."load_datetime" <= pending."snapshot_datetime"
    GROUP BY pending.${q(parentKey)}, pending."snapshot_datetime"
)</#list>
SELECT
    pending.${q(parentKey)},
    pending."snapshot_datetime",
<#list satellites as satellite>
    CASE WHEN ${qi("current$" + satellite?counter)}."load_datetime" IS NULL THEN ${lit(zeroKey)} ELSE pending.${q(parentKey)} END AS ${q(satellite.keyColumn)},
    coalesce(${qi("current$" + satellite?counter)}."load_datetime", TIMESTAMP ${lit(ghostLoadDatetime)}) AS ${q(satellite.loadColumn)}<#sep>,</#sep>
</#list>
FROM pending
<#list satellites as satellite>
LEFT JOIN ${qi("current$" + satellite?counter)}
  ON ${qi("current$" + satellite?counter)}.${q(parentKey)} = pending.${q(parentKey)}
 AND ${qi("current$" + satellite?counter)}."snapshot_datetime" = pending."snapshot_datetime"
</#list>
