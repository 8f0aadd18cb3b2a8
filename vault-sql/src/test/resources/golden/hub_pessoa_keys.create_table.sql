-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Every key value, email, phone and block of every record resolved so far: what the next batch is matched against.
-- Insert-only; hashes only, no normalized value (the junk report takes its sample from the batch).
CREATE TABLE IF NOT EXISTS "iceberg"."silver"."hub_pessoa_keys" (
    "identity_record" varchar NOT NULL,
    "key_name" varchar NOT NULL COMMENT 'A key of vault.yml, email or phone alone, or block:<comparison>',
    "key_value" varchar NOT NULL,
    "is_matching" boolean NOT NULL COMMENT 'A key that joins records; email, phone and blocks only count',
    "email_part" varchar COMMENT 'The hashed email of a key built from one, for the junk check',
    "phone_part" varchar COMMENT 'The hashed phone of a key built from one, for the junk check',
    "load_datetime" timestamp(6) with time zone NOT NULL COMMENT 'The newest load of the batch that brought the value'
)
COMMENT 'Key values of the records of hub_pessoa'
WITH (
    format = 'PARQUET',
    format_version = 2,
    sorted_by = ARRAY['key_name', 'key_value']
)
