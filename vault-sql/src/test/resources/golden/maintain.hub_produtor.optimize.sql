-- vault hub: hub_produtor (models/silver/hubs.yml:11:5)
-- Maintains iceberg.silver.hub_produtor: rewrites its data files smaller than 128MB into bigger ones;
-- the rows stay the same (a 'replace' snapshot).
ALTER TABLE "iceberg"."silver"."hub_produtor" EXECUTE optimize(file_size_threshold => '128MB')
