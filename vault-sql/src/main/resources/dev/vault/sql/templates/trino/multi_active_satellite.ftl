<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Multi-active satellite: the rows staged for a key at one load_datetime are one set, told",
    "apart by ${multiActiveKeys?join(', ')}. A key's whole set is inserted when it differs from the",
    "key's previous set (the latest set in the satellite for the first staged one): a row",
    "changed, added or gone. Sets inside one batch are all compared in order. Identical payloads",
    "for one multi-active key at one load_datetime count once; different ones " + (conflicts == "fail")?then("fail the load.", "leave"),
    (conflicts == "fail")?then("", "the key's whole set at that time out: the statement before set it aside."),
    "(loading: conflicts: " + conflicts + ", docs/loading-rules.md)"]/>
<@lib.insertInto target=target columns=columns/>
WITH
<@lib.staged sources=sources; source>
    SELECT <#list columns as column>${q(column)}<#sep>, </#list><#if conflicts == "fail">, <@lib.businessKeyText columns=source.businessKey/> AS "business_key"</#if>
    FROM ${table(source.table)}
<#if rejectKeys??>
    WHERE ${q(parentKey)} <> ${lit(rejectKeys.zeroKey)}
</#if>
</@lib.staged>
latest AS (
    SELECT ${q(parentKey)}, max("load_datetime") AS "load_datetime"
    FROM ${table(target)}
    WHERE ${q(parentKey)} IN (SELECT ${q(parentKey)} FROM staged)
    GROUP BY ${q(parentKey)}
),
latest_set AS (
    SELECT
        existing.${q(parentKey)},
        array_join(array_sort(array_agg(<@lib.keyInput parts=multiActiveKeys upper=false/> || '|' || existing.${q(hashdiff)})), '|') AS "set$digest"
    FROM ${table(target)} AS existing
    JOIN latest ON latest.${q(parentKey)} = existing.${q(parentKey)} AND latest."load_datetime" = existing."load_datetime"
    GROUP BY existing.${q(parentKey)}
),
delta AS (
    SELECT
        staged.*,
        min(staged.${q(hashdiff)}) OVER same_row AS "hashdiff$min",
        max(staged.${q(hashdiff)}) OVER same_row AS "hashdiff$max",
        <#if conflicts == "fail"><@lib.recordSources window="same_row"/> AS "record_sources",
        </#if>row_number() OVER (PARTITION BY staged.${q(parentKey)}<#list multiActiveKeys as key>, staged.${q(key)}</#list>, staged."load_datetime" ORDER BY staged."record_source") AS "same_row$rank"
    FROM staged
    LEFT JOIN latest ON latest.${q(parentKey)} = staged.${q(parentKey)}
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY staged.${q(parentKey)}<#list multiActiveKeys as key>, staged.${q(key)}</#list>, staged."load_datetime")
),
one_per_row AS (
<#if conflicts == "fail">
    SELECT *
    FROM delta
    WHERE "same_row$rank" = 1
<@lib.onePayload conflicts=conflicts message=model.name + ": different payloads for one multi-active key (${multiActiveKeys?join(', ')}) of %s at load_datetime %s from record sources %s; a set takes one payload per multi-active key and load time. With loading: conflicts: set-aside (the default) such sets go to vault_rejected_rows and the rest of the batch loads; or give the rows distinct load times in the stage"/>
<#else>
    -- a set with a conflicting row is left out whole: a partial set would read as rows gone
    SELECT *
    FROM (
        SELECT delta.*, bool_or("hashdiff$min" <> "hashdiff$max") OVER (PARTITION BY ${q(parentKey)}, "load_datetime") AS "set$conflict"
        FROM delta)
    WHERE "same_row$rank" = 1
      AND NOT "set$conflict"
</#if>
),
staged_sets AS (
    SELECT
        ${q(parentKey)},
        "load_datetime",
        array_join(array_sort(array_agg(<@lib.keyInput parts=multiActiveKeys upper=false/> || '|' || ${q(hashdiff)})), '|') AS "set$digest"
    FROM one_per_row
    GROUP BY ${q(parentKey)}, "load_datetime"
),
changed_sets AS (
    SELECT
        staged_sets.*,
        coalesce(
            lag(staged_sets."set$digest") OVER (PARTITION BY staged_sets.${q(parentKey)} ORDER BY staged_sets."load_datetime"),
            latest_set."set$digest") AS "previous$digest"
    FROM staged_sets
    LEFT JOIN latest_set ON latest_set.${q(parentKey)} = staged_sets.${q(parentKey)}
)
SELECT <#list columns as column>one_per_row.${q(column)}<#sep>, </#list>
FROM one_per_row
JOIN changed_sets ON changed_sets.${q(parentKey)} = one_per_row.${q(parentKey)} AND changed_sets."load_datetime" = one_per_row."load_datetime"
WHERE changed_sets."previous$digest" IS NULL OR changed_sets."set$digest" <> changed_sets."previous$digest"
