<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Record-tracking satellite: every staged load_datetime of a record source is a full extract.",
    "A key in the extract is present, a key the source had before and is missing from it is",
    "gone (deleted at the source); a row is inserted when a key's status changes, per record",
    "source. Insert-only; a re-run inserts nothing."]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT ${q(parentKey)}, "load_datetime", "record_source"
    FROM ${table(source.table)}
</@lib.staged>
tracked AS (
    -- the latest extract tracked per record source
    SELECT "record_source", max("load_datetime") AS "load_datetime"
    FROM ${table(target)}
    GROUP BY "record_source"
),
current_status AS (
    SELECT ${q(parentKey)}, "record_source", max_by(${q(statusColumn)}, "load_datetime") AS ${q(statusColumn)}
    FROM ${table(target)}
    GROUP BY ${q(parentKey)}, "record_source"
),
new_staged AS (
    SELECT DISTINCT staged.${q(parentKey)}, staged."load_datetime", staged."record_source"
    FROM staged
    LEFT JOIN tracked ON tracked."record_source" = staged."record_source"
    WHERE tracked."load_datetime" IS NULL OR staged."load_datetime" > tracked."load_datetime"
),
extracts AS (
    SELECT DISTINCT "record_source", "load_datetime"
    FROM new_staged
),
<@lib.candidates columns=[parentKey, "record_source"]/>
statuses AS (
    SELECT
        candidates.${q(parentKey)},
        extracts."load_datetime",
        candidates."record_source",
        new_staged.${q(parentKey)} IS NOT NULL AS ${q(statusColumn)}
    FROM candidates
    JOIN extracts ON extracts."record_source" = candidates."record_source"
    LEFT JOIN new_staged ON new_staged.${q(parentKey)} = candidates.${q(parentKey)}
        AND new_staged."record_source" = candidates."record_source"
        AND new_staged."load_datetime" = extracts."load_datetime"
),
changes AS (
    SELECT
        statuses.*,
        coalesce(
            lag(statuses.${q(statusColumn)}) OVER (PARTITION BY statuses.${q(parentKey)}, statuses."record_source" ORDER BY statuses."load_datetime"),
            current_status.${q(statusColumn)}) AS "previous$status"
    FROM statuses
    LEFT JOIN current_status ON current_status.${q(parentKey)} = statuses.${q(parentKey)} AND current_status."record_source" = statuses."record_source"
)
<@lib.statusChanges columns=columns previous="previous$status" status=statusColumn/>
