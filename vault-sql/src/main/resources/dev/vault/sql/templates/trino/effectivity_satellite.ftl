<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Effectivity satellite: which links of each driving key (${drivingKeys?join(', ')}) are in effect.",
    "At every staged load_datetime of a driving key newer than the last one tracked, the links",
    "staged for it are active and its other links inactive; a row is inserted when a link's",
    "status changes (is_active true when it starts, false when another link replaces it).",
    "Insert-only; a re-run inserts nothing."]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <#list linkColumns as column>${q(column)}, </#list>"load_datetime", "record_source"
    FROM ${table(source.table)}
</@lib.staged>
tracked AS (
    -- the latest load_datetime tracked per driving key
    SELECT <#list drivingKeys as key>${q(key)}, </#list>max("load_datetime") AS "load_datetime"
    FROM ${table(target)}
    WHERE ${q(drivingKeys[0])} IN (SELECT ${q(drivingKeys[0])} FROM staged)
    GROUP BY <#list drivingKeys as key>${q(key)}<#sep>, </#list>
),
current_status AS (
    SELECT <#list linkColumns as column>${q(column)}, </#list>max_by("is_active", "load_datetime") AS "is_active"
    FROM ${table(target)}
    WHERE ${q(drivingKeys[0])} IN (SELECT ${q(drivingKeys[0])} FROM staged)
    GROUP BY <#list linkColumns as column>${q(column)}<#sep>, </#list>
),
new_staged AS (
    SELECT <#list linkColumns as column>staged.${q(column)}, </#list>staged."load_datetime", min(staged."record_source") AS "record_source"
    FROM staged
    LEFT JOIN tracked ON <#list drivingKeys as key>tracked.${q(key)} = staged.${q(key)}<#sep> AND </#list>
    WHERE tracked."load_datetime" IS NULL OR staged."load_datetime" > tracked."load_datetime"
    GROUP BY <#list linkColumns as column>staged.${q(column)}, </#list>staged."load_datetime"
),
loads AS (
    SELECT <#list drivingKeys as key>${q(key)}, </#list>"load_datetime", min("record_source") AS "record_source"
    FROM new_staged
    GROUP BY <#list drivingKeys as key>${q(key)}, </#list>"load_datetime"
),
<@lib.candidates columns=linkColumns/>
statuses AS (
    SELECT
        <#list linkColumns as column>candidates.${q(column)}, </#list>
        loads."load_datetime",
        coalesce(new_staged."record_source", loads."record_source") AS "record_source",
        new_staged.${q(hashKey)} IS NOT NULL AS "is_active"
    FROM candidates
    JOIN loads ON <#list drivingKeys as key>loads.${q(key)} = candidates.${q(key)}<#sep> AND </#list>
    LEFT JOIN new_staged ON new_staged.${q(hashKey)} = candidates.${q(hashKey)} AND new_staged."load_datetime" = loads."load_datetime"
),
changes AS (
    SELECT
        statuses.*,
        coalesce(
            lag(statuses."is_active") OVER (PARTITION BY statuses.${q(hashKey)} ORDER BY statuses."load_datetime"),
            current_status."is_active") AS "previous$is_active"
    FROM statuses
    LEFT JOIN current_status ON current_status.${q(hashKey)} = statuses.${q(hashKey)}
)
<@lib.statusChanges columns=columns previous="previous$is_active" status="is_active"/>
