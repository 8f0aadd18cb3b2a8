CREATE SCHEMA IF NOT EXISTS ${q(catalog)}.${q(schema)}
