<#import "lib.ftl" as lib>
<#--
  With sourceRows, only the view's query, reading those rows in place of the source table:
  what an incremental load reads instead of the view (IncrementalSource).
-->
<#if !sourceRows??>
<@lib.header model=model purpose=["Staging view over " + sourceTable + ": derived columns, load_datetime, record_source, hash keys and hashdiffs."]/>
CREATE OR REPLACE VIEW ${table(target)}
COMMENT ${viewComment}
AS
</#if>
WITH
source AS (
    SELECT
<#list sourceColumns as column>
        <#if column == "record_source">"record_source" AS ${qi("record_source$source")}<#else>${q(column)}</#if><#sep>,</#sep>
</#list>
    FROM <#if sourceRows??>${sourceRows}<#else>${table(sourceTable)}</#if>
),
<#list derivedLevels as level>
derived_${level?counter} AS (
    SELECT
        *,
<#list level as derived>
        ${derived.sql} AS ${q(derived.name)}<#sep>,</#sep>
</#list>
    FROM <#if level?is_first>source<#else>derived_${level?index}</#if>
),
</#list>
<#assign last><#if derivedLevels?has_content>derived_${derivedLevels?size}<#else>source</#if></#assign>
<#if identity??>
identity AS (
    -- normalized as IdentityHasher does in Java (identity.ftl): the same keys on both sides
    SELECT
        *,
        ${identity.name} AS "identity_name",
        ${identity.email} AS "identity_email",
        ${identity.phone} AS "identity_phone"<#list identity.parts as part>,
        ${part.expression} AS ${q(part.column)}</#list>
    FROM ${last}
),
<#assign last = "identity">
</#if>
hash_input AS (
    SELECT
        *,
        CAST(${q(loadTimestamp)} AS timestamp(6) with time zone) AS "load_datetime",
        ${recordSource} AS "record_source"<#if hashed?has_content || identity??>,</#if>
<#if identity??>
        ${identityRecordPrefix} || <@lib.keyInput parts=identity.recordKey upper=false/> AS "identity_record$input"<#if hashed?has_content>,</#if>
</#if>
<#list hashed as column>
        <#if column.hashKey><@lib.keyInput parts=column.columns upper=hashing.upperKeys/><#else><@lib.diffInput columns=column.columns/></#if> AS ${qi(column.name + "$input")}<#sep>,</#sep>
</#list>
    FROM ${last}
)
SELECT
<#list outputColumns as column>
    ${q(column)},
</#list>
    "load_datetime",
    "record_source"<#if hashed?has_content || identity??>,</#if>
<#if identity??>
    <@lib.diff input="identity_record$input"/> AS "identity_record",
    "identity_name",
    "identity_email",
    "identity_phone"<#list identity.parts as part>,
    ${q(part.column)}</#list><#if identity.keys?has_content || hashed?has_content>,</#if>
<#list identity.keys as key>
    ${key.expression} AS ${q(key.column)}<#if key?has_next || hashed?has_content>,</#if>
</#list>
</#if>
<#list hashed as column>
    <#if column.hashKey><@lib.key input=column.name + "$input" zeroInput=column.zeroInput/><#else><@lib.diff input=column.name + "$input"/></#if> AS ${q(column.name)}<#sep>,</#sep>
</#list>
FROM hash_input
