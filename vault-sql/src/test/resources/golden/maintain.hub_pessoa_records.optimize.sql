-- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
-- Maintains iceberg.silver.hub_pessoa_records: rewrites its data files smaller than 128MB into bigger ones;
-- the rows stay the same (a 'replace' snapshot).
ALTER TABLE "iceberg"."silver"."hub_pessoa_records" EXECUTE optimize(file_size_threshold => '128MB')
