-- vault test: sat_pessoa_detalhes.no_conflicting_payloads
-- no staged rows set aside for different payloads at one key and load time (loading: conflicts: set-aside)
WITH
staged AS (
    SELECT
        resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source",
        staged."hd_pessoa_detalhes" AS "payload$hash",
        'stg_crm_contacts' AS "stage",
        concat_ws(', ', 'contact_id = ' || coalesce('''' || CAST("contact_id" AS varchar) || '''', 'null')) AS "business_key",
        json_format(CAST(MAP(ARRAY['contact_id', 'first_name', 'last_name', 'email', 'phone', 'producer_id', 'created_at', 'updated_at', '_loaded_at'], ARRAY[CAST("contact_id" AS varchar), CAST("first_name" AS varchar), CAST("last_name" AS varchar), CAST("email" AS varchar), CAST("phone" AS varchar), CAST("producer_id" AS varchar), CAST("created_at" AS varchar), CAST("updated_at" AS varchar), CAST("_loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."silver"."stg_crm_contacts" AS staged
    -- the person key comes from the identity hub's resolution, never the zero key
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT
        resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source",
        staged."hd_pessoa_detalhes" AS "payload$hash",
        'stg_facebook_leads' AS "stage",
        concat_ws(', ', 'leadgen_id = ' || coalesce('''' || CAST("leadgen_id" AS varchar) || '''', 'null')) AS "business_key",
        json_format(CAST(MAP(ARRAY['leadgen_id', 'full_name', 'email', 'phone_number', 'producer_id', 'campaign_name', 'ad_id', 'created_time', '_loaded_at'], ARRAY[CAST("leadgen_id" AS varchar), CAST("full_name" AS varchar), CAST("email" AS varchar), CAST("phone_number" AS varchar), CAST("producer_id" AS varchar), CAST("campaign_name" AS varchar), CAST("ad_id" AS varchar), CAST("created_time" AS varchar), CAST("_loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."silver"."stg_facebook_leads" AS staged
    -- the person key comes from the identity hub's resolution, never the zero key
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
    UNION ALL
    SELECT
        resolved."hk_pessoa", staged."identity_record", staged."load_datetime", staged."record_source",
        staged."hd_pessoa_detalhes" AS "payload$hash",
        'stg_google_leads' AS "stage",
        concat_ws(', ', 'lead_id = ' || coalesce('''' || CAST("lead_id" AS varchar) || '''', 'null')) AS "business_key",
        json_format(CAST(MAP(ARRAY['lead_id', 'full_name', 'email', 'phone_number', 'producer_id', 'campaign_id', 'gclid', 'lead_submit_time', '_loaded_at'], ARRAY[CAST("lead_id" AS varchar), CAST("full_name" AS varchar), CAST("email" AS varchar), CAST("phone_number" AS varchar), CAST("producer_id" AS varchar), CAST("campaign_id" AS varchar), CAST("gclid" AS varchar), CAST("lead_submit_time" AS varchar), CAST("_loaded_at" AS varchar)]) AS json)) AS "row_data"
    FROM "iceberg"."silver"."stg_google_leads" AS staged
    -- the person key comes from the identity hub's resolution, never the zero key
    JOIN "iceberg"."silver"."hub_pessoa_resolved" AS resolved ON resolved."identity_record" = staged."identity_record"
),
latest AS (
    -- each key's latest row, read once: the staged rows, the right side of the join below, give
    -- Trino a dynamic filter that keeps this to the batch's keys, and are computed only once
    SELECT "hk_pessoa", "identity_record", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."silver"."sat_pessoa_detalhes"
    GROUP BY "hk_pessoa", "identity_record"
),
unloaded AS (
    -- what the load reads: staged rows newer than their key's latest row
    SELECT
        staged.*,
        min(staged."payload$hash") OVER same_row <> max(staged."payload$hash") OVER same_row AS "row$conflict"
    FROM latest
    RIGHT JOIN staged ON latest."hk_pessoa" = staged."hk_pessoa" AND latest."identity_record" = staged."identity_record"
    WHERE latest."load_datetime" IS NULL OR staged."load_datetime" > latest."load_datetime"
    WINDOW same_row AS (PARTITION BY staged."hk_pessoa", staged."identity_record", staged."load_datetime")
),
conflicts AS (
    SELECT
        *,
        bool_or("row$conflict") OVER same_load AS "load$conflict",
        array_join(array_sort(array_distinct(array_agg("record_source") OVER same_load)), ', ') AS "record_sources"
    FROM unloaded
    WINDOW same_load AS (PARTITION BY "hk_pessoa", "identity_record", "load_datetime")
),
set_aside AS (
    SELECT
        'sat_pessoa_detalhes' AS "model",
        "stage",
        "record_source",
        "load_datetime",
        'different payloads for one key at one load_datetime: ' || "business_key" || ' from record sources ' || "record_sources" || ': set aside until a newer row for the key arrives (loading: conflicts: set-aside)' AS "reason",
        "row_data"
    FROM conflicts
    WHERE "load$conflict"
)

SELECT "stage", "record_source", "load_datetime", "reason", "row_data"
FROM set_aside
