-- vault mart: mart_leads_unificados (models/gold/marts.yml:2:5)
-- Maintains iceberg.gold.mart_leads_unificados: rewrites its data files smaller than 128MB into bigger ones;
-- the rows stay the same (a 'replace' snapshot).
ALTER TABLE "iceberg"."gold"."mart_leads_unificados" EXECUTE optimize(file_size_threshold => '128MB')
