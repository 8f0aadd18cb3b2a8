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

<#-- The hash of an input; the all-null input becomes the zero key. -->
<#macro key input zeroInput>
CASE WHEN ${qi(input)} = ${lit(zeroInput)} THEN ${lit(hashing.zeroKey)} ELSE to_hex(${hashing.function}(to_utf8(${qi(input)}))) END<#t>
</#macro>

<#macro diff input>
to_hex(${hashing.function}(to_utf8(${qi(input)})))<#t>
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
