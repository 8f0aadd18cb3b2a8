-- vault source: facebook_ads_leads (models/bronze/sources.yml:21:5)
-- Replaces the table's content with the rows of examples/leads/batch_1/facebook_ads_leads.csv (35 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."bronze"."facebook_ads_leads"
COMMENT 'Seeded by vault from examples/leads/batch_1/facebook_ads_leads.csv; vault fingerprint 4c9c6c07c17e4e5503733e017171be1a0a2c04778f3e5554cbe905f0b30fa7b2'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("leadgen_id" AS varchar) AS "leadgen_id",
    CAST("full_name" AS varchar) AS "full_name",
    CAST("email" AS varchar) AS "email",
    CAST("phone_number" AS varchar) AS "phone_number",
    CAST("producer_id" AS varchar) AS "producer_id",
    CAST("campaign_name" AS varchar) AS "campaign_name",
    CAST("ad_id" AS varchar) AS "ad_id",
    CAST("created_time" AS timestamp(6) with time zone) AS "created_time",
    CAST("_loaded_at" AS timestamp(6) with time zone) AS "_loaded_at"
FROM (
    VALUES
        ('1441179198508240', 'Thiago Nascimento', 'thiago.nascimento@outlook.com', '+5561993456789', 'PRD-0002', 'Imersão Tráfego Pago - Out/26', '120204408050993870', '2026-10-14 18:47:02 UTC', '2026-11-01 03:05:00 UTC'),
        ('1189500114502223', 'Maria Souza', ' Maria.Souza@Gmail.com ', '+5511987654321', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120209664617795323', '2026-10-14 20:16:14 UTC', '2026-11-01 03:05:00 UTC'),
        ('1758658444017146', 'Rafael D''Ávila', 'RAFAEL.DAVILA@OUTLOOK.COM', '+5551998761234', 'PRD-0003', 'Inglês do Zero, Turma Novembro - Nov/26', '120204793574245512', '2026-10-15 23:05:25 UTC', '2026-11-01 03:05:00 UTC'),
        ('1998585114321011', 'Caio Freitas Almeida', 'caio.almeida84@gmail.com', '+5531999686233', 'PRD-0003', 'Aula Grátis de Conversação - Out/26', '120203635208716023', '2026-10-16 04:39:13 UTC', '2026-11-01 03:05:00 UTC'),
        ('1229972203904880', 'José Carlos Oliveira Freitas', 'jfreitas@live.com', '+5562971151761', 'PRD-0001', 'Lançamento Curso de Confeitaria - Out/26', '120203202913174555', '2026-10-17 00:25:27 UTC', '2026-11-01 03:05:00 UTC'),
        ('1692038477831514', NULL, 'anapaulacardoso66@gmail.com', '+5584979108421', 'PRD-0002', 'Webinar Gratuito: Seu Primeiro Cliente no Digital', '120219718042096779', '2026-10-17 10:17:44 UTC', '2026-11-01 03:05:00 UTC'),
        ('853197367486277', 'Wellington Ferreira', 'wellington_ferreira982@hotmail.com', '+55 31 97326-6842', 'PRD-0006', 'Excel do Básico ao Avançado - Black Friday, Nov/26', '120201690137039676', '2026-10-19 04:10:20 UTC', '2026-11-01 03:05:00 UTC'),
        ('1278841759345723', 'manoel moreira carvalho', 'manoel.carvalho85@gmail.com', '+55 16 96477-0149', 'PRD-0006', 'Excel do Básico ao Avançado - Black Friday, Nov/26', '120214374676321700', '2026-10-20 10:28:23 UTC', '2026-11-01 03:05:00 UTC'),
        ('1687340771155355', 'Sebastião Ferreira', NULL, '+5521998123344', 'PRD-0002', 'Webinar Gratuito: Seu Primeiro Cliente no Digital', '120219718042096779', '2026-10-21 02:23:52 UTC', '2026-11-01 03:05:00 UTC'),
        ('938856018526186', 'João Vitor Quintão', 'joaovitor.quintao87@gmail.com', '+5517977438573', 'PRD-0005', 'Workshop Fotos de Produto para Instagram', '120210472903231960', '2026-10-21 09:57:21 UTC', '2026-11-01 03:05:00 UTC'),
        ('1449772295626696', 'Raimundo Nonato Santos', NULL, '+5571991238890', 'PRD-0006', 'Excel do Básico ao Avançado - Black Friday, Nov/26', '120214374676321700', '2026-10-21 15:19:22 UTC', '2026-11-01 03:05:00 UTC'),
        ('699588070379069', 'Thiago Nascimento', 'thiago.nascimento@outlook.com', '+5561993456789', 'PRD-0004', 'Desafio Investidor Iniciante - Out/26', '120206562395247081', '2026-10-22 14:12:54 UTC', '2026-11-01 03:05:00 UTC'),
        ('1116415232868810', 'Juliana Pereira', 'juliana.pereira@live.com', '+55 67 97005-7297', 'PRD-0003', 'Inglês do Zero, Turma Novembro - Nov/26', '120212438231081034', '2026-10-23 01:39:47 UTC', '2026-11-01 03:05:00 UTC'),
        ('1840881382045873', 'Patricia Goncalves', 'patricia.goncalves@bol.com.br', '+5527998887766', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120201527699069618', '2026-10-23 07:00:10 UTC', '2026-11-01 03:05:00 UTC'),
        ('1412699915424835', 'Ana Carolina Peixoto', 'anacarolina.peixoto@vidanova.com.br', '+5521962353379', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120209664617795323', '2026-10-24 02:16:36 UTC', '2026-11-01 03:05:00 UTC'),
        ('1798746167417101', 'João Simões Leão', 'jleao@gmail.com', '+55 65 99541-7705', 'PRD-0003', 'Aula Grátis de Conversação - Out/26', '120203635208716023', '2026-10-25 00:09:56 UTC', '2026-11-01 03:05:00 UTC'),
        ('1798746167417101', 'João Simões Leão', 'jleao@gmail.com', '+55 65 99541-7705', 'PRD-0003', 'Aula Grátis de Conversação - Out/26', '120203635208716023', '2026-10-25 00:09:56 UTC', '2026-11-01 03:05:00 UTC'),
        ('1512137220369177', 'Márcia Batista Monteiro', 'marciamonteiro47@yahoo.com.br', '+5517986486409', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120201527699069618', '2026-10-25 01:17:37 UTC', '2026-11-01 03:05:00 UTC'),
        ('951001128668809', 'Sandra Nunes', 'sandran831@uol.com.br', '+5521964745466', 'PRD-0001', 'Lançamento Curso de Confeitaria - Out/26', '120202101931580279', '2026-10-25 02:39:41 UTC', '2026-11-01 03:05:00 UTC'),
        ('1968035907828608', 'Luzia Castelo Branco', NULL, '+5541997012233', 'PRD-0003', 'Aula Grátis de Conversação - Out/26', '120203635208716023', '2026-10-25 08:25:17 UTC', '2026-11-01 03:05:00 UTC'),
        ('1564447017899398', 'Maria Eduarda Leão Pereira', 'mpereira@uol.com.br', '+5521976209964', 'PRD-0006', 'Rumo à Aprovação: Concursos 2027 - Out/26', '120202158655014805', '2026-10-25 19:52:05 UTC', '2026-11-01 03:05:00 UTC'),
        ('1131175388153637', 'Lúcia Helena Barbosa', 'luciahelena.b@yahoo.com.br', '+55 31 99182-7364', 'PRD-0005', 'Workshop Fotos de Produto para Instagram', '120210472903231960', '2026-10-26 06:43:49 UTC', '2026-11-01 03:05:00 UTC'),
        ('1973417031340212', 'kátia soares', 'katia.soares83@construtoraprado.com.br', '+5541995955417', 'PRD-0004', 'Desafio Investidor Iniciante - Out/26', '120200238353397916', '2026-10-26 19:56:53 UTC', '2026-11-01 03:05:00 UTC'),
        ('715184306223743', 'Conceição Araújo', 'Conceicao.Araujo@UOL.com.br', '+5581988123456', 'PRD-0004', 'Planilha de Orçamento Familiar (Isca) - Out/26', '120210811218746511', '2026-10-27 04:59:54 UTC', '2026-11-01 03:05:00 UTC'),
        ('1127935657071579', 'Gabriela Carvalho', 'gabriela.carvalho99@escolaviver.org.br', '+5521997222491', 'PRD-0003', 'Inglês do Zero, Turma Novembro - Nov/26', '120204793574245512', '2026-10-27 22:39:26 UTC', '2026-11-01 03:05:00 UTC'),
        ('1442283808893226', 'Maria Aparecida Esteves', 'mariaaparecida.esteves.2@gmail.com', '+5569980981338', 'PRD-0005', 'Fotografia com Celular - Captação Out/26', '120205501978411605', '2026-10-28 05:14:01 UTC', '2026-11-01 03:05:00 UTC'),
        ('1923058526242691', 'Souza, Marcelo', 'marcelo.souza.mkt@gmail.com', '+55 11 99333-0044', 'PRD-0002', 'Imersão Tráfego Pago - Out/26', '120204408050993870', '2026-10-28 13:11:07 UTC', '2026-11-01 03:05:00 UTC'),
        ('1076240575873460', 'Carla Menezes', 'carla.menezes@gmail.com', '+5511976543210', 'PRD-0006', 'Rumo à Aprovação: Concursos 2027 - Out/26', '120215631306227886', '2026-10-29 16:56:04 UTC', '2026-11-01 03:05:00 UTC'),
        ('1757222041007340', 'Pedro Andrade Silva', 'psilva@gmail.com', '+5548975345722', 'PRD-0006', 'Rumo à Aprovação: Concursos 2027 - Out/26', '120202158655014805', '2026-10-29 18:17:50 UTC', '2026-11-01 03:05:00 UTC'),
        ('1085981843545022', 'Mariana Sampaio Ramos', 'mariana.ramos96@gmail.com', '+5584985763251', 'PRD-0004', 'Planilha de Orçamento Familiar (Isca) - Out/26', '120210811218746511', '2026-10-29 20:56:40 UTC', '2026-11-01 03:05:00 UTC'),
        ('574447683492604', 'Luís Romão', 'luisr201@gmail.com', '+5516987599056', 'PRD-0006', 'Excel do Básico ao Avançado - Black Friday, Nov/26', '120214374676321700', '2026-10-29 22:42:31 UTC', '2026-11-01 03:05:00 UTC'),
        ('378097809949271', 'Luciana Leão', 'lucianaleao3@hotmail.com', '+5544961300950', 'PRD-0003', 'Aula Grátis de Conversação - Out/26', '120203635208716023', '2026-10-30 14:01:29 UTC', '2026-11-01 03:05:00 UTC'),
        ('739739527864333', 'Antônia Ribeiro', NULL, '+55 31 98456-1207', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120209664617795323', '2026-10-31 07:53:15 UTC', '2026-11-01 03:05:00 UTC'),
        ('1912723273861867', 'Francisca das Chagas', NULL, '+5585988776655', 'PRD-0002', 'Imersão Tráfego Pago - Out/26', '120204408050993870', '2026-10-31 11:04:28 UTC', '2026-11-01 03:05:00 UTC'),
        ('1683604867005546', 'Taís Santana', 'taiss802@hotmail.com', '+5548962207922', 'PRD-0001', 'Bolos Caseiros que Vendem - Captação Out/26', '120201527699069618', '2026-10-31 20:49:04 UTC', '2026-11-01 03:05:00 UTC')
) AS seed ("leadgen_id", "full_name", "email", "phone_number", "producer_id", "campaign_name", "ad_id", "created_time", "_loaded_at")
