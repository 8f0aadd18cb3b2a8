-- vault record-tracking satellite: rts_product_catalog (models/vault.yml:91:5)
-- Record-tracking satellite: every staged load_datetime of a record source is a full extract.
-- A key in the extract is present, a key the source had before and is missing from it is
-- gone (deleted at the source); a row is inserted when a key's status changes, per record
-- source. Insert-only; a re-run inserts nothing.
INSERT INTO "iceberg"."shop_silver"."rts_product_catalog" ("hk_product", "load_datetime", "record_source", "is_present")
WITH
staged AS (
    SELECT "hk_product", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_product_catalog"
),
tracked AS (
    -- the latest extract tracked per record source
    SELECT "record_source", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."shop_silver"."rts_product_catalog"
    GROUP BY "record_source"
),
current_status AS (
    SELECT "hk_product", "record_source", max_by("is_present", "load_datetime") AS "is_present"
    FROM "iceberg"."shop_silver"."rts_product_catalog"
    GROUP BY "hk_product", "record_source"
),
new_staged AS (
    SELECT DISTINCT staged."hk_product", staged."load_datetime", staged."record_source"
    FROM staged
    LEFT JOIN tracked ON tracked."record_source" = staged."record_source"
    WHERE tracked."load_datetime" IS NULL OR staged."load_datetime" > tracked."load_datetime"
),
extracts AS (
    SELECT DISTINCT "record_source", "load_datetime"
    FROM new_staged
),
candidates AS (
    SELECT "hk_product", "record_source" FROM new_staged
    UNION
    SELECT "hk_product", "record_source" FROM current_status
),
statuses AS (
    SELECT
        candidates."hk_product",
        extracts."load_datetime",
        candidates."record_source",
        new_staged."hk_product" IS NOT NULL AS "is_present"
    FROM candidates
    JOIN extracts ON extracts."record_source" = candidates."record_source"
    LEFT JOIN new_staged ON new_staged."hk_product" = candidates."hk_product"
        AND new_staged."record_source" = candidates."record_source"
        AND new_staged."load_datetime" = extracts."load_datetime"
),
changes AS (
    SELECT
        statuses.*,
        coalesce(
            lag(statuses."is_present") OVER (PARTITION BY statuses."hk_product", statuses."record_source" ORDER BY statuses."load_datetime"),
            current_status."is_present") AS "previous$status"
    FROM statuses
    LEFT JOIN current_status ON current_status."hk_product" = statuses."hk_product" AND current_status."record_source" = statuses."record_source"
)
SELECT "hk_product", "load_datetime", "record_source", "is_present"
FROM changes
WHERE ("previous$status" IS NULL AND "is_present") OR "previous$status" <> "is_present"
