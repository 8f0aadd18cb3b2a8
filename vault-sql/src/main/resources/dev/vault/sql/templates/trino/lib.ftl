<#-- Shared pieces of every statement. -->
<#--
  The header says which model a statement comes from and where the model is written, so a
  statement seen in Trino's query history leads back to its YAML.
-->
<#macro header model purpose>
-- vault ${model.kind}: ${model.name} (${comment(model.location)})
<#list purpose as line>
-- ${comment(line)}
</#list>
</#macro>

<#--
  Hash key input: business keys trimmed, blank as null, case per settings, '\' and '|' escaped,
  null written '\N', joined by '|'. ('a|b', 'c') and ('a', 'b|c') give different input text.
-->
<#macro keyInput parts upper>
concat_ws('|'<#list parts as part>, coalesce(replace(replace(<#if upper>upper(</#if>nullif(trim(CAST(${q(part)} AS varchar)), '')<#if upper>)</#if>, '\', '\\'), '|', '\|'), '\N')</#list>)<#t>
</#macro>

<#--
  Hashdiff input: 'name=value' for every non-null payload column, sorted by name, so that column
  order does not matter and a new column that is null leaves existing hashdiffs unchanged.
-->
<#macro diffInput columns>
concat_ws('|'<#list columns?sort as column>, CASE WHEN ${q(column)} IS NULL THEN NULL ELSE '${column}=' || replace(replace(trim(CAST(${q(column)} AS varchar)), '\', '\\'), '|', '\|') END</#list>)<#t>
</#macro>

<#-- The hash expression: the hex of the hash function over the UTF-8 of the nested text. -->
<#macro hash function>
to_hex(${function}(to_utf8(<#nested>)))<#t>
</#macro>

<#-- The hash of an input; the all-null input becomes the zero key. -->
<#macro key input zeroInput>
CASE WHEN ${qi(input)} = ${lit(zeroInput)} THEN ${lit(hashing.zeroKey)} ELSE <@hash function=hashing.function>${qi(input)}</@hash> END<#t>
</#macro>

<#macro diff input>
<@hash function=hashing.function>${qi(input)}</@hash><#t>
</#macro>

<#-- A hashdiff computed in place from its payload columns. -->
<#macro hashdiff columns>
<@hash function=hashing.function><@diffInput columns=columns/></@hash><#t>
</#macro>

<#-- A comma-separated list of quoted column names. -->
<#macro columnList names>
<#list names as name>${q(name)}<#sep>, </#list><#t>
</#macro>

<#-- The INSERT INTO line of a load. -->
<#macro insertInto target columns>
INSERT INTO ${table(target)} (<@columnList names=columns/>)
</#macro>

<#--
  The rows a load reads: the nested SELECT once per source, in one UNION ALL. The nested
  content gets the source as its loop variable.
-->
<#macro staged sources>
staged AS (
<#list sources as source>
<#nested source>
<#sep>
    UNION ALL
</#sep>
</#list>
),
</#macro>

<#--
  The earliest staged row of every key (ties broken by record_source, then the tiebreak
  columns, so the row kept never depends on the engine), inserted when the target does not
  have the key yet: how hubs and links load.
-->
<#macro firstSeen target hashKey columns tiebreak from>
first_seen AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY ${q(hashKey)}
            ORDER BY "load_datetime", "record_source"<#list tiebreak as column>, ${q(column)}</#list>) AS "first_seen$rank"
    FROM ${from}
)
SELECT <@columnList names=columns/>
FROM first_seen
WHERE "first_seen$rank" = 1
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(target)} AS existing
      WHERE existing.${q(hashKey)} = first_seen.${q(hashKey)})
</#macro>

<#--
  One payload per key and load time (min and max hashdiff agree). With loading: conflicts: fail
  the load fails, naming the business key and every record source involved (the message's three
  %s); with set-aside it leaves the key's rows at that time out: reject_conflicts.ftl recorded them.
-->
<#macro onePayload conflicts message>
<#if conflicts == "fail">
      AND IF("hashdiff$min" = "hashdiff$max", true, CAST(fail(format(
          ${lit(message)},
          "business_key", CAST("load_datetime" AS varchar), "record_sources")) AS boolean))
<#else>
      AND "hashdiff$min" = "hashdiff$max"
</#if>
</#macro>

<#-- A row's business key as text for a person (customer_id = 'C-1'), from the stage's key columns. -->
<#macro businessKeyText columns>
concat_ws(', '<#list columns as column>, ${lit(column + " = ")} || coalesce('''' || CAST(${q(column)} AS varchar) || '''', 'null')</#list>)<#t>
</#macro>

<#-- Every record source of a key's rows at one load time, sorted, for a conflict's message. -->
<#macro recordSources window>
array_join(array_sort(array_distinct(array_agg(staged."record_source") OVER ${window})), ', ')<#t>
</#macro>

<#-- The keys a status satellite decides for: the ones staged now and the ones it tracks already. -->
<#macro candidates columns>
candidates AS (
    SELECT <@columnList names=columns/> FROM new_staged
    UNION
    SELECT <@columnList names=columns/> FROM current_status
),
</#macro>

<#-- The rows of a status satellite: a status that starts true, or differs from the previous one. -->
<#macro statusChanges columns previous status>
SELECT <@columnList names=columns/>
FROM changes
WHERE (${qi(previous)} IS NULL AND ${q(status)}) OR ${qi(previous)} <> ${q(status)}
</#macro>

<#-- Iceberg table properties shared by every vault table. -->
<#macro icebergProperties partitioning sortedBy>
WITH (
    format = 'PARQUET',
    format_version = 2<#if partitioning?has_content>,
    partitioning = ARRAY[<#list partitioning as spec>${lit(spec)}<#sep>, </#list>]</#if><#if sortedBy?has_content>,
    sorted_by = ARRAY[<#list sortedBy as column>${lit(column)}<#sep>, </#list>]</#if>
)
</#macro>

<#-- A staged row's source columns as a JSON object of text values: what a rejected row looks like. -->
<#macro rowData columns>
json_format(CAST(MAP(ARRAY[<#list columns as column>${lit(column.name)}<#sep>, </#list>], ARRAY[<#list columns as column><#if column.type == "varbinary">to_hex(${q(column.name)})<#else>CAST(${q(column.name)} AS varchar)</#if><#sep>, </#list>]) AS json))<#t>
</#macro>

<#-- Identifies a rejected row: its load time and data (a row is recorded once per model). -->
<#macro rowHash>
to_hex(sha256(to_utf8(CAST("load_datetime" AS varchar) || '|' || "row_data")))<#t>
</#macro>

<#--
  The rows of a satellite's load (and a reference table's): staged rows newer than their key's
  latest row, one per key and load time (two different payloads fail the load), kept when the
  hashdiff differs from the previous row's. Reads the "staged" CTE, which has a "business_key"
  column when conflicts fail the load.
-->
<#macro hashdiffChanges target keys hashdiff columns conflicts message>
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT
        <#list keys as key>${q(key)}, </#list>
        max("load_datetime") AS "load_datetime",
        max_by(${q(hashdiff)}, "load_datetime") AS ${q(hashdiff)}
    FROM ${table(target)}
    GROUP BY <#list keys as key>${q(key)}<#sep>, </#list>
),
delta AS (
    SELECT
        staged.*,
        latest.${q(hashdiff)} AS "latest$hashdiff",
        min(staged.${q(hashdiff)}) OVER same_load AS "hashdiff$min",
        max(staged.${q(hashdiff)}) OVER same_load AS "hashdiff$max",
        <#if conflicts == "fail"><@recordSources window="same_load"/> AS "record_sources",
        </#if>row_number() OVER (PARTITION BY <#list keys as key>staged.${q(key)}, </#list>staged."load_datetime" ORDER BY staged."record_source") AS "same_load$rank"
    FROM latest
    RIGHT JOIN staged ON <#list keys as key>latest.${q(key)} = staged.${q(key)}<#sep> AND </#list>
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_load AS (PARTITION BY <#list keys as key>staged.${q(key)}, </#list>staged."load_datetime")
),
one_per_load AS (
    SELECT *
    FROM delta
    WHERE "same_load$rank" = 1
<@onePayload conflicts=conflicts message=message/>
),
changes AS (
    SELECT
        one_per_load.*,
        coalesce(
            lag(one_per_load.${q(hashdiff)}) OVER (PARTITION BY <#list keys as key>one_per_load.${q(key)}<#sep>, </#list> ORDER BY one_per_load."load_datetime"),
            one_per_load."latest$hashdiff") AS "previous$hashdiff"
    FROM one_per_load
)
SELECT <#list columns as column>${q(column)}<#sep>, </#list>
FROM changes
WHERE "previous$hashdiff" IS NULL OR ${q(hashdiff)} <> "previous$hashdiff"
</#macro>
