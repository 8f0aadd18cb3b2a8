-- vault satellite: sat_pessoa_detalhes (models/silver/satellites.yml:2:5)
-- Maintains iceberg.silver.sat_pessoa_detalhes: rewrites its data files smaller than 128MB into bigger ones;
-- the rows stay the same (a 'replace' snapshot).
ALTER TABLE "iceberg"."silver"."sat_pessoa_detalhes" EXECUTE optimize(file_size_threshold => '128MB')
