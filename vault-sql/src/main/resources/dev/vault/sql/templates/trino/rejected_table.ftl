<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["Staged rows left out of a load, with the reason (loading: null-keys: reject). Insert-only."]/>
CREATE TABLE IF NOT EXISTS ${table(target)} (
    "model" varchar NOT NULL COMMENT 'The hub, link or satellite that left the row out',
    "stage" varchar NOT NULL COMMENT 'The staging view the row came from',
    "record_source" varchar COMMENT 'Source system of the row',
    "load_datetime" timestamp(6) with time zone COMMENT 'When the row landed in bronze',
    "reason" varchar NOT NULL COMMENT 'Why it was left out',
    "row_hash" varchar NOT NULL COMMENT 'Hash of load_datetime and row_data: a row is recorded once per model',
    "row_data" varchar NOT NULL COMMENT 'The staged source columns, as a JSON object of text values'
)
COMMENT ${lit(description)}
<@lib.icebergProperties partitioning=[] sortedBy=["model", "load_datetime"]/>
