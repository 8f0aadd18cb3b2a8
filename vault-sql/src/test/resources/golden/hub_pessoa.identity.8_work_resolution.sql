-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Work table: the person of every record. A cluster keeps its oldest existing person;
-- a cluster without one gets a new person, named after its earliest record.
CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_resolution" AS
WITH clusters AS (
    SELECT records."identity_record", records.first_load, records.first_source, labels.parent AS cluster
    FROM "iceberg"."silver"."hub_pessoa_work_records" AS records
    JOIN "iceberg"."silver"."hub_pessoa_work_labels_b" AS labels ON labels.vid = records.vid
),
mapped AS (
    SELECT clusters."identity_record", clusters.cluster, resolved."hk_pessoa" AS person
    FROM clusters
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = clusters."identity_record"
),
oldest AS (
    SELECT cluster, person
    FROM (
        SELECT persons.cluster, persons.person,
            row_number() OVER (PARTITION BY persons.cluster ORDER BY hub."load_datetime", persons.person) AS age_rank
        FROM (SELECT DISTINCT cluster, person FROM mapped) AS persons
        JOIN "iceberg"."silver"."hub_pessoa" AS hub ON hub."hk_pessoa" = persons.person
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
