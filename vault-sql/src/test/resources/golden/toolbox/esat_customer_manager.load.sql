-- vault effectivity satellite: esat_customer_manager (models/vault.yml:83:5)
-- Effectivity satellite: which links of each driving key (hk_customer) are in effect.
-- At every staged load_datetime of a driving key newer than the last one tracked, the links
-- staged for it are active and its other links inactive; a row is inserted when a link's
-- status changes (is_active true when it starts, false when another link replaces it).
-- Insert-only; a re-run inserts nothing.
INSERT INTO "iceberg"."shop_silver"."esat_customer_manager" ("hk_customer_manager", "hk_customer", "hk_manager", "load_datetime", "record_source", "is_active")
WITH
staged AS (
    SELECT "hk_customer_manager", "hk_customer", "hk_manager", "load_datetime", "record_source"
    FROM "iceberg"."shop_silver"."stg_customers"
),
tracked AS (
    -- the latest load_datetime tracked per driving key
    SELECT "hk_customer", max("load_datetime") AS "load_datetime"
    FROM "iceberg"."shop_silver"."esat_customer_manager"
    WHERE "hk_customer" IN (SELECT "hk_customer" FROM staged)
    GROUP BY "hk_customer"
),
current_status AS (
    SELECT "hk_customer_manager", "hk_customer", "hk_manager", max_by("is_active", "load_datetime") AS "is_active"
    FROM "iceberg"."shop_silver"."esat_customer_manager"
    WHERE "hk_customer" IN (SELECT "hk_customer" FROM staged)
    GROUP BY "hk_customer_manager", "hk_customer", "hk_manager"
),
new_staged AS (
    SELECT staged."hk_customer_manager", staged."hk_customer", staged."hk_manager", staged."load_datetime", min(staged."record_source") AS "record_source"
    FROM staged
    LEFT JOIN tracked ON tracked."hk_customer" = staged."hk_customer"
    WHERE tracked."load_datetime" IS NULL OR staged."load_datetime" > tracked."load_datetime"
    GROUP BY staged."hk_customer_manager", staged."hk_customer", staged."hk_manager", staged."load_datetime"
),
loads AS (
    SELECT "hk_customer", "load_datetime", min("record_source") AS "record_source"
    FROM new_staged
    GROUP BY "hk_customer", "load_datetime"
),
candidates AS (
    SELECT "hk_customer_manager", "hk_customer", "hk_manager" FROM new_staged
    UNION
    SELECT "hk_customer_manager", "hk_customer", "hk_manager" FROM current_status
),
statuses AS (
    SELECT
        candidates."hk_customer_manager", candidates."hk_customer", candidates."hk_manager",
        loads."load_datetime",
        coalesce(new_staged."record_source", loads."record_source") AS "record_source",
        new_staged."hk_customer_manager" IS NOT NULL AS "is_active"
    FROM candidates
    JOIN loads ON loads."hk_customer" = candidates."hk_customer"
    LEFT JOIN new_staged ON new_staged."hk_customer_manager" = candidates."hk_customer_manager" AND new_staged."load_datetime" = loads."load_datetime"
),
changes AS (
    SELECT
        statuses.*,
        coalesce(
            lag(statuses."is_active") OVER (PARTITION BY statuses."hk_customer_manager" ORDER BY statuses."load_datetime"),
            current_status."is_active") AS "previous$is_active"
    FROM statuses
    LEFT JOIN current_status ON current_status."hk_customer_manager" = statuses."hk_customer_manager"
)
SELECT "hk_customer_manager", "hk_customer", "hk_manager", "load_datetime", "record_source", "is_active"
FROM changes
WHERE ("previous$is_active" IS NULL AND "is_active") OR "previous$is_active" <> "is_active"
