-- vault source: google_ads_leads (models/bronze/sources.yml:38:5)
-- Replaces the table's content with the rows of examples/leads/batch_1/google_ads_leads.csv (25 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."bronze"."google_ads_leads"
COMMENT 'Seeded by vault from examples/leads/batch_1/google_ads_leads.csv; vault fingerprint 61976b45e98e5a4c306533efff5d6fd3060153ca11ca6551d470c65668ed807a'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("lead_id" AS varchar) AS "lead_id",
    CAST("full_name" AS varchar) AS "full_name",
    CAST("email" AS varchar) AS "email",
    CAST("phone_number" AS varchar) AS "phone_number",
    CAST("producer_id" AS varchar) AS "producer_id",
    CAST("campaign_id" AS varchar) AS "campaign_id",
    CAST("gclid" AS varchar) AS "gclid",
    CAST("lead_submit_time" AS timestamp(6) with time zone) AS "lead_submit_time",
    CAST("_loaded_at" AS timestamp(6) with time zone) AS "_loaded_at"
FROM (
    VALUES
        ('gl-3ef015294f', 'João Pedro Gonçalves', 'JP.Goncalves@Hotmail.com', '+55 21 99654-1230', 'PRD-0002', '22091150532', 'Cj0KCQjwpcxxrjQkRn1zYtcax15Iz1qt_BwE', '2026-10-14 09:39:40 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-5c85c3e66a', 'Beatriz Lima', 'beatriz.lima@icloud.com', '+5519997001122', 'PRD-0003', '20791979748', 'Cj0KCQjwb8BKwkCc53NnM2825Zusgrws_BwE', '2026-10-14 12:56:27 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-961a5ac9dd', 'Sebastião Ferreira', NULL, '(21) 99812-3344', 'PRD-0002', '22791470004', 'Cj0KCQjw50XxFIcJT2tdNlcJiEa4TWLp_BwE', '2026-10-15 05:19:51 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-0b0d64e391', 'Lívia Teixeira Lima', 'livia.lima@gmail.com', '+55 11 99819-6270', 'PRD-0004', '21964660990', 'Cj0KCQjwaZnQAVHrV5RFjFQv51YlgRlf_BwE', '2026-10-17 11:15:50 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-714ab38dd7', 'Antônia Ribeiro', NULL, '31984561207', 'PRD-0001', '21435336516', 'Cj0KCQjwjH8o3jcwiIwDfXDOTNr0h5Rf_BwE', '2026-10-18 09:08:34 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-6df9a2c38f', NULL, 'guilhermev345@terra.com.br', '+5511983533572', 'PRD-0002', '22791470004', 'Cj0KCQjw4aEMRJahDlpvaDOx9S7ZtzaG_BwE', '2026-10-18 11:33:22 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-10ee710456', 'Valéria Araújo', 'valeria.araujo.2@gmail.com', '+5515974950511', 'PRD-0004', '21964660990', 'Cj0KCQjwiSw7u80NngZvdssjAgeFqwgH_BwE', '2026-10-18 13:41:56 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-87b5c83a4f', 'Marcos Vinícius Prado', 'marcos.prado@construtoraprado.com.br', '(11) 94002-8922', 'PRD-0004', '21964660990', 'Cj0KCQjwcwUSR3pI4sxIRhZqJLn1uW0E_BwE', '2026-10-19 13:23:07 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-81cb4aae25', NULL, 'luanarodrigues80@terra.com.br', '(35) 99383-5690', 'PRD-0005', '21616310384', 'Cj0KCQjwDG5FK2Ix4bv7ECbr32vGxw6A_BwE', '2026-10-19 18:02:03 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-d0cde1c41c', 'Priscila Almeida', 'priscila.almeida@outlook.com', '79974917188', 'PRD-0001', '21435336516', 'Cj0KCQjwBddWqfJAE6NBX8iiXmTAnWPW_BwE', '2026-10-20 06:33:30 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-056fef04a7', 'Felipe Batista', 'felipeb135@gmail.com', '86995250309', 'PRD-0006', '22375007466', 'Cj0KCQjwKNcYGjHVUXvCeWgmCbeAYuQz_BwE', '2026-10-20 12:19:46 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-8ba5619178', 'Regina Barbosa', 'regina.barbosa.5@escolaviver.org.br', '+5569962576412', 'PRD-0003', '22134018959', 'Cj0KCQjw0Y2OGCmFVmYmWAmtKM7lzevy_BwE', '2026-10-20 22:24:47 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-e3a64dc70e', 'Aline Ramos Falcão', 'aline.falcao84@uol.com.br', '(84) 97018-2116', 'PRD-0006', '22375007466', 'Cj0KCQjw5nl5eJRlmeEbULXBIOvvCSMN_BwE', '2026-10-21 06:45:37 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-25838e77fe', 'Sandra Martins', 'sandra.martins@yahoo.com.br', '79989641749', 'PRD-0006', '22375007466', 'Cj0KCQjwL1vYtGFqDeHTo7estHkViA5U_BwE', '2026-10-22 15:32:44 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-f5974f8c67', 'Juliana Dias', 'juliana.dias98@hotmail.com', '11974504403', 'PRD-0003', '22134018959', 'Cj0KCQjwB22htpTj2PMfQm01kePRXpkc_BwE', '2026-10-22 21:11:09 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-cf2e0652cc', 'Francisco "Chico" Alves', 'chico.alves@uol.com.br', '(84) 99666-1010', 'PRD-0006', '22375007466', 'Cj0KCQjw5osjabayUj7Xutl5TAXHWW8Z_BwE', '2026-10-24 05:06:44 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-9288db119e', 'Natália Romão Oliveira', 'natalia.oliveira.6@hotmail.com', '+5531968417088', 'PRD-0005', '21616310384', 'Cj0KCQjw5WU7LfdikvkiIDPRGkzgxS8x_BwE', '2026-10-24 06:06:46 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-8baad2fad6', 'Natália Romão Oliveira', 'natalia.oliveira.6@hotmail.com', '+5531968417088', 'PRD-0005', '21616310384', 'Cj0KCQjw5WU7LfdikvkiIDPRGkzgxS8x_BwE', '2026-10-24 06:07:33 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-00b2a5d8f8', 'Geraldo Magalhães', NULL, '+55 21 3456-7890', 'PRD-0004', '20463378677', 'Cj0KCQjwwva0fYmN9BrddLJbt74PMWQK_BwE', '2026-10-25 21:52:57 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-f056141fcb', 'Maria Souza', 'MARIA.SOUZA@GMAIL.COM', '11987654321', 'PRD-0001', '20686243372', 'Cj0KCQjwCeRyyaBRzgEhUTovCVKuXkkp_BwE', '2026-10-26 17:05:34 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-f7ccce874a', 'Luzia Castelo Branco', NULL, '(41) 99701-2233', 'PRD-0005', '21616310384', 'Cj0KCQjwGy2IakzjMkIxTISgC7HdDEJF_BwE', '2026-10-27 10:02:40 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-2fbf0c6a79', 'Rosângela Ferreira Ribeiro', 'rosangelar18@gmail.com', '+5551970993760', 'PRD-0001', '20686243372', 'Cj0KCQjwqdC3NzMSYcJnsa2sePa5br1y_BwE', '2026-10-27 10:17:30 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-49e45d0d84', 'Renata Batista', 'renata.batista83@bol.com.br', '85987953044', 'PRD-0001', '21435336516', 'Cj0KCQjwZDVgI6Z1VwREloxtyixJquIH_BwE', '2026-10-27 12:13:52 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-0428053b65', 'Renata Quintão', 'renata.quintao@gmail.com', NULL, 'PRD-0002', '22791470004', 'Cj0KCQjweuSnpj1GdKrKiwbFAttSIzyI_BwE', '2026-10-28 15:57:06 UTC', '2026-11-01 03:10:00 UTC'),
        ('gl-6aafdaa251', 'Lúcia Helena Barbosa', ' luciahelena.b@yahoo.com.br', '(31) 99182-7364', 'PRD-0005', '21616310384', 'Cj0KCQjw4oKqKDZU8ksyUTE8lrCPyxyJ_BwE', '2026-10-30 08:21:38 UTC', '2026-11-01 03:10:00 UTC')
) AS seed ("lead_id", "full_name", "email", "phone_number", "producer_id", "campaign_id", "gclid", "lead_submit_time", "_loaded_at")
