<#import "lib.ftl" as lib>
<#--
  Identity resolution for an identity hub, one statement per step; the runner runs them in order,
  alternating 'labels_shortcut' (until nothing changes) and 'labels_hook' (until no tree hooks). Work tables are rebuilt each run and
  dropped at the end; the hub, its record map, its same-as link, its junk-key report, its keys
  and its compared parts are insert-only.

  A run reads the batch: the staged rows its stages gained since the last build (or every row on
  a first build, a changed definition, a rewritten source), which the runner puts in place of
  the stage views. It resolves the scope: the records of the batch, the records sharing a key
  value or a block with them, and every record of the persons those belong to. Every edge that
  the batch adds has an end in the scope, and every older edge joins records of one person, so
  the persons outside the scope are what a resolution of every record would leave them.
-->
<#--
  Every matching key value of every record, and the record's email and phone on their own
  (is_matching false): a value shared by too many records is junk whether or not it is a key,
  and the keys built from it are not matched on.
-->
<#macro stagedKeys>
<#list sources as source>
    SELECT "identity_record", "load_datetime", "record_source", key_name, key_value, sample, is_matching, email_part, phone_part
    FROM ${table(source)}
    CROSS JOIN UNNEST(ARRAY[<#list keys as key>
        ROW(${lit(key.name)}, ${q(key.column)}, ${key.sample}, true, ${key.emailPart}, ${key.phonePart}),</#list><#list parts as part>
        ROW(${lit(part.name)}, ${part.value}, ${part.sample}, false, CAST(NULL AS varchar), CAST(NULL AS varchar))<#sep>,</#sep></#list>]) AS keyed (key_name, key_value, sample, is_matching, email_part, phone_part)
    WHERE key_value IS NOT NULL
<#sep>
    UNION ALL
</#sep>
</#list>
</#macro>
<#switch step>
<#case "records_table">
<@lib.header model=model purpose=["Which person each source record belongs to, from its first resolution on. Insert-only."]/>
CREATE TABLE IF NOT EXISTS ${table(recordsTable)} (
    "identity_record" varchar NOT NULL COMMENT 'Hash of the record source and the record key',
    ${q(hashKey)} varchar NOT NULL COMMENT 'The person the record was first resolved to',
    "load_datetime" timestamp(6) with time zone NOT NULL,
    "record_source" varchar NOT NULL
)
COMMENT ${lit("Record to person map of " + model.name)}
<@lib.icebergProperties partitioning=["bucket(identity_record, " + buckets + ")"] sortedBy=["identity_record"]/>
<#break>
<#case "same_as_table">
<@lib.header model=model purpose=["Same-as link: a person merged into an older one when new evidence joined them. Insert-only; the latest row of a duplicate names its master."]/>
CREATE TABLE IF NOT EXISTS ${table(sameAsTable)} (
    ${q(hashKey + "_master")} varchar NOT NULL COMMENT 'The surviving, older person',
    ${q(hashKey + "_duplicate")} varchar NOT NULL COMMENT 'The person merged into it',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'Load time of the newest record that joined them',
    "record_source" varchar NOT NULL
)
COMMENT ${lit("Same-as link of " + model.name)}
<@lib.icebergProperties partitioning=[] sortedBy=[hashKey + "_duplicate"]/>
<#break>
<#case "junk_table">
<@lib.header model=model purpose=["Key values shared by more than " + maxRecords + " records: not used for matching. Insert-only."]/>
CREATE TABLE IF NOT EXISTS ${table(junkTable)} (
    "key_name" varchar NOT NULL,
    "key_value" varchar NOT NULL,
    "sample" varchar COMMENT 'The normalized parts behind the key, from one record',
    "records" bigint NOT NULL COMMENT 'Distinct records sharing the value when it was found',
    "load_datetime" timestamp(6) with time zone NOT NULL
)
COMMENT ${lit("Junk keys of " + model.name)}
<@lib.icebergProperties partitioning=[] sortedBy=[]/>
<#break>
<#case "resolved_view">
<@lib.header model=model purpose=["The current person of every mapped record: its first person, or the master that person was merged into."]/>
CREATE OR REPLACE VIEW ${table(resolvedView)} AS
WITH current_master AS (
    SELECT ${q(hashKey + "_duplicate")} AS duplicate, max_by(${q(hashKey + "_master")}, "load_datetime") AS master
    FROM ${table(sameAsTable)}
    GROUP BY ${q(hashKey + "_duplicate")}
)
SELECT records."identity_record", coalesce(current_master.master, records.${q(hashKey)}) AS ${q(hashKey)}, records.${q(hashKey)} AS "first_resolved_to"
FROM ${table(recordsTable)} AS records
LEFT JOIN current_master ON current_master.duplicate = records.${q(hashKey)}
<#break>
<#case "keys_table">
<@lib.header model=model purpose=["Every key value, email, phone and block of every record resolved so far: what the next batch is matched against.",
    "Insert-only; hashes only, no normalized value (the junk report takes its sample from the batch)."]/>
CREATE TABLE IF NOT EXISTS ${table(keysTable)} (
    "identity_record" varchar NOT NULL,
    "key_name" varchar NOT NULL COMMENT 'A key of vault.yml, email or phone alone, or block:<comparison>',
    "key_value" varchar NOT NULL,
    "is_matching" boolean NOT NULL COMMENT 'A key that joins records; email, phone and blocks only count',
    "email_part" varchar COMMENT 'The hashed email of a key built from one, for the junk check',
    "phone_part" varchar COMMENT 'The hashed phone of a key built from one, for the junk check',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'The newest load of the batch that brought the value'
)
COMMENT ${lit("Key values of the records of " + model.name)}
<@lib.icebergProperties partitioning=[] sortedBy=["key_name", "key_value"]/>
<#break>
<#case "parts_table">
<@lib.header model=model purpose=["Every version of the parts the comparisons compare, per record resolved so far. Insert-only."]/>
CREATE TABLE IF NOT EXISTS ${table(partsTable)} (
    "identity_record" varchar NOT NULL<#list comparedColumns as column>,
    ${column} varchar</#list>
)
COMMENT ${lit("Compared parts of the records of " + model.name)}
<@lib.icebergProperties partitioning=[] sortedBy=["identity_record"]/>
<#break>
<#case "batch_keys">
<@lib.header model=model purpose=["Work table: every matching key value of every record of the batch, its email and phone alone, and its blocks."]/>
CREATE OR REPLACE TABLE ${table(batchKeys)} AS
SELECT "identity_record", key_name, key_value, min(sample) AS sample, bool_or(is_matching) AS is_matching,
    min(email_part) AS email_part, min(phone_part) AS phone_part, max("load_datetime") AS "load_datetime"
FROM (
<@stagedKeys/>
)
GROUP BY "identity_record", key_name, key_value
<#break>
<#case "batch_records">
<@lib.header model=model purpose=["Work table: every record of the batch once, with its first load and source."]/>
CREATE OR REPLACE TABLE ${table(batchRecords)} AS
SELECT "identity_record", min("load_datetime") AS first_load, min_by("record_source", "load_datetime") AS first_source
FROM (
<#list sources as source>
    SELECT "identity_record", "load_datetime", "record_source" FROM ${table(source)}<#sep>
    UNION ALL</#sep>
</#list>
)
GROUP BY "identity_record"
<#break>
<#case "keys_insert">
<@lib.header model=model purpose=["Keeps the key values of the batch that no record had before: idempotent, so a batch read twice adds nothing."]/>
INSERT INTO ${table(keysTable)} ("identity_record", "key_name", "key_value", "is_matching", "email_part", "phone_part", "load_datetime")
SELECT "identity_record", key_name, key_value, is_matching, email_part, phone_part, "load_datetime"
FROM ${table(batchKeys)} AS batch
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(keysTable)} AS existing
    WHERE existing."identity_record" = batch."identity_record" AND existing."key_name" = batch.key_name AND existing."key_value" = batch.key_value)
<#break>
<#case "parts_insert">
<@lib.header model=model purpose=["Keeps the versions of the compared parts of the batch's records that were not kept before."]/>
INSERT INTO ${table(partsTable)} ("identity_record"<#list comparedColumns as column>, ${column}</#list>)
SELECT DISTINCT "identity_record"<#list comparedColumns as column>, ${column}</#list>
FROM (
<#list sources as source>
    SELECT "identity_record"<#list comparedColumns as column>, ${column}</#list> FROM ${table(source)}<#sep>
    UNION ALL</#sep>
</#list>
) AS batch
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(partsTable)} AS existing
    WHERE existing."identity_record" = batch."identity_record"<#list comparedColumns as column>
      AND existing.${column} IS NOT DISTINCT FROM batch.${column}</#list>)
<#break>
<#case "junk_insert">
<@lib.header model=model purpose=["Reports key values, emails and phones shared by more than " + maxRecords + " distinct records",
    "(a test email, a call centre's phone); they and the keys built from them are left out of matching."]
    + comparisons?has_content?then(["So are the blocks of a comparison larger than its max-block-size (block:<comparison>): their pairs are not compared."], [])/>
INSERT INTO ${table(junkTable)} ("key_name", "key_value", "sample", "records", "load_datetime")
WITH batch_values AS (
    -- only a value of the batch has more records than before; its sample comes from the batch
    SELECT key_name, key_value, min(sample) AS sample
    FROM ${table(batchKeys)}
    GROUP BY key_name, key_value
)
SELECT candidate."key_name" AS key_name, candidate."key_value" AS key_value, batch_values.sample, count(*), max(candidate."load_datetime")
FROM ${table(keysTable)} AS candidate
JOIN batch_values ON batch_values.key_name = candidate."key_name" AND batch_values.key_value = candidate."key_value"
GROUP BY candidate."key_name", candidate."key_value", batch_values.sample
<#if comparisons?has_content>
HAVING count(*) > CASE candidate."key_name"<#list comparisons as comparison> WHEN ${lit(comparison.junkKey)} THEN ${comparison.maxBlockSize?c}</#list> ELSE ${maxRecords?c} END
<#else>
HAVING count(*) > ${maxRecords}
</#if>
   AND NOT EXISTS (
       SELECT 1
       FROM ${table(junkTable)} AS junk
       WHERE junk."key_name" = candidate."key_name" AND junk."key_value" = candidate."key_value")
<#break>
<#case "work_records">
<@lib.header model=model purpose=["Work table: the scope of this run, every record once with a dense number for the clustering:",
    "the batch's records, the records sharing a key value or block with them (junk left out),",
    "and every record of the persons those belong to."]/>
CREATE OR REPLACE TABLE ${table(workRecords)} AS
WITH batch_values AS (
    SELECT DISTINCT key_name, key_value
    FROM ${table(batchKeys)} AS batch
    WHERE (is_matching<#list comparisons as comparison> OR key_name = ${lit(comparison.junkKey)}</#list>)
      AND NOT EXISTS (
          SELECT 1
          FROM ${table(junkTable)} AS junk
          WHERE junk."key_name" = batch.key_name AND junk."key_value" = batch.key_value)
),
touched AS (
    SELECT "identity_record" FROM ${table(batchRecords)}
    UNION
    SELECT kept."identity_record"
    FROM ${table(keysTable)} AS kept
    JOIN batch_values ON batch_values.key_name = kept."key_name" AND batch_values.key_value = kept."key_value"
),
touched_persons AS (
    SELECT DISTINCT resolved.${q(hashKey)} AS person
    FROM ${table(resolvedView)} AS resolved
    JOIN touched ON touched."identity_record" = resolved."identity_record"
),
scope AS (
    SELECT "identity_record" FROM touched
    UNION
    SELECT resolved."identity_record"
    FROM ${table(resolvedView)} AS resolved
    JOIN touched_persons ON touched_persons.person = resolved.${q(hashKey)}
)
SELECT
    scope."identity_record",
    -- a mapped record keeps the load and source it was first mapped with
    coalesce(mapped."load_datetime", batch.first_load) AS first_load,
    coalesce(mapped."record_source", batch.first_source) AS first_source,
    row_number() OVER (ORDER BY scope."identity_record") AS vid
FROM scope
LEFT JOIN ${table(recordsTable)} AS mapped ON mapped."identity_record" = scope."identity_record"
LEFT JOIN ${table(batchRecords)} AS batch ON batch."identity_record" = scope."identity_record"
<#break>
<#case "work_keys">
<@lib.header model=model purpose=["Work table: every kept key value, email, phone and block of the records in scope."]/>
CREATE OR REPLACE TABLE ${table(workKeys)} AS
SELECT kept."identity_record", kept."key_name" AS key_name, kept."key_value" AS key_value, kept."is_matching" AS is_matching,
    kept."email_part" AS email_part, kept."phone_part" AS phone_part
FROM ${table(keysTable)} AS kept
JOIN ${table(workRecords)} AS records ON records."identity_record" = kept."identity_record"
<#break>
<#case "work_edges">
<@lib.header model=model purpose=["Work table: a star per key value, each record linked to the smallest record sharing it (not a clique);",
    "junk key values, and keys built from a junk email or phone, left out."]
    + comparisons?has_content?then(["Then the pairs the comparisons accept: records in one block (not junk) whose parts meet every rule."], [])/>
CREATE OR REPLACE TABLE ${table(workEdges)} AS
<#if comparisons?has_content>
WITH compared_parts AS (
    -- every kept version of each record's compared parts: a pair matches when any versions do
    SELECT parts.*
    FROM ${table(partsTable)} AS parts
    JOIN ${table(workRecords)} AS records ON records."identity_record" = parts."identity_record"
),
blocked AS (
    SELECT keyed.key_name, keyed.key_value, keyed."identity_record", records.vid
    FROM ${table(workKeys)} AS keyed
    JOIN ${table(workRecords)} AS records ON records."identity_record" = keyed."identity_record"
    WHERE keyed.key_name IN (<#list comparisons as comparison>${lit(comparison.junkKey)}<#sep>, </#sep></#list>)
      AND NOT EXISTS (
          SELECT 1
          FROM ${table(junkTable)} AS junk
          WHERE junk."key_name" = keyed.key_name AND junk."key_value" = keyed.key_value)
)
</#if>
SELECT DISTINCT vid AS a, star AS b
FROM (
    SELECT records.vid, min(records.vid) OVER (PARTITION BY keyed.key_name, keyed.key_value) AS star
    FROM ${table(workKeys)} AS keyed
    JOIN ${table(workRecords)} AS records ON records."identity_record" = keyed."identity_record"
    WHERE keyed.is_matching
      AND NOT EXISTS (
          SELECT 1
          FROM ${table(junkTable)} AS junk
          WHERE junk."key_name" = keyed.key_name AND junk."key_value" = keyed.key_value
             OR junk."key_name" = 'email' AND junk."key_value" = keyed.email_part
             OR junk."key_name" = 'phone' AND junk."key_value" = keyed.phone_part)
)
WHERE vid <> star
<#if comparisons?has_content>
UNION
SELECT DISTINCT right_block.vid AS a, left_block.vid AS b
FROM blocked AS left_block
JOIN blocked AS right_block ON right_block.key_name = left_block.key_name AND right_block.key_value = left_block.key_value AND right_block.vid > left_block.vid
JOIN compared_parts AS left_parts ON left_parts."identity_record" = left_block."identity_record"
JOIN compared_parts AS right_parts ON right_parts."identity_record" = right_block."identity_record"
WHERE <#list comparisons as comparison>(left_block.key_name = ${lit(comparison.junkKey)}<#list comparison.rules as rule>
       AND ${rule}</#list>)<#sep>
   OR </#sep></#list>
</#if>
<#break>
<#case "labels_init">
<@lib.header model=model purpose=["Clustering starts: each record's parent is the smallest of itself and the records it shares a key with."]/>
CREATE OR REPLACE TABLE ${table(to)} AS
WITH neighbors AS (
    SELECT a AS vid, b AS other FROM ${table(workEdges)}
    UNION ALL
    SELECT b AS vid, a AS other FROM ${table(workEdges)}
)
SELECT records.vid, least(records.vid, coalesce(min(neighbors.other), records.vid)) AS parent
FROM ${table(workRecords)} AS records
LEFT JOIN neighbors ON neighbors.vid = records.vid
GROUP BY records.vid
<#break>
<#case "labels_shortcut">
<@lib.header model=model purpose=["Clustering, shortcut: each record takes its parent's parent (pointer jumping), which halves",
    "every path to a root; repeated until every tree is a star."]/>
CREATE OR REPLACE TABLE ${table(to)} AS
SELECT labels.vid, parents.parent
FROM ${table(from)} AS labels
JOIN ${table(from)} AS parents ON parents.vid = labels.parent
<#break>
<#case "labels_hook">
<@lib.header model=model purpose=["Clustering, hook: the root of every tree that shares a key with a tree of smaller root",
    "takes the smallest such root as its parent. Trees only hook to smaller roots, so no cycle forms;",
    "each round leaves a fraction of the trees, so rounds grow with log(n)."]/>
CREATE OR REPLACE TABLE ${table(to)} AS
WITH neighbors AS (
    SELECT a AS vid, b AS other FROM ${table(workEdges)}
    UNION ALL
    SELECT b AS vid, a AS other FROM ${table(workEdges)}
),
hooks AS (
    SELECT mine.parent AS root, min(theirs.parent) AS smaller_root
    FROM neighbors
    JOIN ${table(from)} AS mine ON mine.vid = neighbors.vid
    JOIN ${table(from)} AS theirs ON theirs.vid = neighbors.other
    WHERE theirs.parent < mine.parent
    GROUP BY mine.parent
)
SELECT labels.vid, IF(labels.vid = labels.parent AND hooks.smaller_root IS NOT NULL, hooks.smaller_root, labels.parent) AS parent
FROM ${table(from)} AS labels
LEFT JOIN hooks ON hooks.root = labels.vid
<#break>
<#case "labels_changed">
SELECT count(*)
FROM ${table(to)} AS next
JOIN ${table(from)} AS previous ON previous.vid = next.vid
WHERE next.parent <> previous.parent
<#break>
<#case "work_resolution">
<@lib.header model=model purpose=["Work table: the person of every record. A cluster keeps its oldest existing person;",
    "a cluster without one gets a new person, named after its earliest record."]/>
CREATE OR REPLACE TABLE ${table(workResolution)} AS
WITH clusters AS (
    SELECT records."identity_record", records.first_load, records.first_source, labels.parent AS cluster
    FROM ${table(workRecords)} AS records
    JOIN ${table(labels)} AS labels ON labels.vid = records.vid
),
mapped AS (
    SELECT clusters."identity_record", clusters.cluster, resolved.${q(hashKey)} AS person
    FROM clusters
    JOIN ${table(resolvedView)} AS resolved ON resolved."identity_record" = clusters."identity_record"
),
oldest AS (
    SELECT cluster, person
    FROM (
        SELECT persons.cluster, persons.person,
            row_number() OVER (PARTITION BY persons.cluster ORDER BY hub."load_datetime", persons.person) AS age_rank
        FROM (SELECT DISTINCT cluster, person FROM mapped) AS persons
        JOIN ${table(hub)} AS hub ON hub.${q(hashKey)} = persons.person
    )
    WHERE age_rank = 1
),
founders AS (
    SELECT cluster, "identity_record" AS founder, first_load AS founder_load, first_source AS founder_source
    FROM (
        SELECT clusters.*, row_number() OVER (PARTITION BY cluster ORDER BY first_load, "identity_record") AS founder_rank
        FROM clusters
    )
    WHERE founder_rank = 1
)
SELECT
    clusters."identity_record",
    clusters.cluster,
    clusters.first_load,
    clusters.first_source,
    coalesce(oldest.person, founders.founder) AS person,
    oldest.person IS NULL AS new_person,
    founders.founder,
    founders.founder_load,
    founders.founder_source,
    mapped.person AS mapped_person,
    max(clusters.first_load) OVER (PARTITION BY clusters.cluster) AS cluster_load
FROM clusters
JOIN founders ON founders.cluster = clusters.cluster
LEFT JOIN oldest ON oldest.cluster = clusters.cluster
LEFT JOIN mapped ON mapped."identity_record" = clusters."identity_record"
<#break>
<#case "hub_insert">
<@lib.header model=model purpose=["Inserts the new persons. Insert-only: a person keeps its first load time and source."]/>
INSERT INTO ${table(hub)} (${q(hashKey)}, "founding_record", "load_datetime", "record_source")
SELECT DISTINCT person, founder, founder_load, founder_source
FROM ${table(workResolution)} AS resolution
WHERE new_person
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(hub)} AS existing
      WHERE existing.${q(hashKey)} = resolution.person)
<#break>
<#case "records_insert">
<@lib.header model=model purpose=["Maps the records seen for the first time to their person."]/>
INSERT INTO ${table(recordsTable)} ("identity_record", ${q(hashKey)}, "load_datetime", "record_source")
SELECT "identity_record", person, first_load, first_source
FROM ${table(workResolution)} AS resolution
WHERE mapped_person IS NULL
  AND NOT EXISTS (
      SELECT 1
      FROM ${table(recordsTable)} AS existing
      WHERE existing."identity_record" = resolution."identity_record")
<#break>
<#case "same_as_insert">
<@lib.header model=model purpose=["Records merges: every other person of a cluster, and every person merged into one of those",
    "before, now points at the cluster's oldest person."]/>
INSERT INTO ${table(sameAsTable)} (${q(hashKey + "_master")}, ${q(hashKey + "_duplicate")}, "load_datetime", "record_source")
WITH merged AS (
    SELECT DISTINCT person AS master, mapped_person AS duplicate, cluster_load
    FROM ${table(workResolution)}
    WHERE mapped_person IS NOT NULL AND mapped_person <> person
),
earlier AS (
    SELECT ${q(hashKey + "_duplicate")} AS duplicate, max_by(${q(hashKey + "_master")}, "load_datetime") AS master
    FROM ${table(sameAsTable)}
    GROUP BY ${q(hashKey + "_duplicate")}
),
pointers AS (
    SELECT master, duplicate, cluster_load FROM merged
    UNION
    SELECT merged.master, earlier.duplicate, merged.cluster_load
    FROM merged
    JOIN earlier ON earlier.master = merged.duplicate
)
SELECT master, duplicate, max(cluster_load), 'vault.identity'
FROM pointers
WHERE NOT EXISTS (
    SELECT 1
    FROM ${table(sameAsTable)} AS existing
    WHERE existing.${q(hashKey + "_master")} = pointers.master AND existing.${q(hashKey + "_duplicate")} = pointers.duplicate)
GROUP BY master, duplicate
<#break>
<#case "drop">
DROP TABLE IF EXISTS ${table(target)}
<#break>
<#case "comment">
COMMENT ON TABLE ${table(hub)} IS ${lit(tableComment)}
<#break>
</#switch>
