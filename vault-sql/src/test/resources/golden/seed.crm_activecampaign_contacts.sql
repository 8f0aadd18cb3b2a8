-- vault source: crm_activecampaign_contacts (models/bronze/sources.yml:4:5)
-- Replaces the table's content with the rows of examples/leads/batch_1/crm_activecampaign_contacts.csv (40 rows), in one atomic replace.
CREATE OR REPLACE TABLE "iceberg"."bronze"."crm_activecampaign_contacts"
COMMENT 'Seeded by vault from examples/leads/batch_1/crm_activecampaign_contacts.csv; vault fingerprint 49fba903594d2397cdcb97496118097f163c8fbb842ae3239bc8d72a6cbb1c34'
WITH (
    format = 'PARQUET',
    format_version = 2
)
AS
SELECT
    CAST("contact_id" AS varchar) AS "contact_id",
    CAST("first_name" AS varchar) AS "first_name",
    CAST("last_name" AS varchar) AS "last_name",
    CAST("email" AS varchar) AS "email",
    CAST("phone" AS varchar) AS "phone",
    CAST("producer_id" AS varchar) AS "producer_id",
    CAST("created_at" AS timestamp(6) with time zone) AS "created_at",
    CAST("updated_at" AS timestamp(6) with time zone) AS "updated_at",
    CAST("_loaded_at" AS timestamp(6) with time zone) AS "_loaded_at"
FROM (
    VALUES
        ('ac-114839', 'Bruno', 'Aragão', 'bruno_aragao847@gmail.com', '(11) 99550-6003', 'PRD-0004', '2026-10-14 01:21:00 UTC', '2026-10-14 03:27:05 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-130040', 'Luiz Augusto', 'Costa Aragão', 'luizaugusto_aragao@hotmail.com', '(71) 96662-2216', 'PRD-0005', '2026-10-14 17:40:11 UTC', '2026-10-14 17:40:11 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-169006', 'Geraldo', 'Magalhães', NULL, '(21) 3456-7890', 'PRD-0004', '2026-10-14 21:23:09 UTC', '2026-10-14 21:23:09 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-134865', 'Josué', 'Martins', 'josue.martins@icloud.com', '(13) 98293-9105', 'PRD-0003', '2026-10-16 07:24:41 UTC', '2026-10-16 07:24:41 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-107711', 'Joao', 'Silva', 'joao.silva82@gmail.com', '(11) 99123-4567', 'PRD-0002', '2026-10-16 23:17:17 UTC', '2026-10-16 23:17:17 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-173127', 'Ana Paula', 'Dias', 'adias@hotmail.com', '(61) 96294-5796', 'PRD-0006', '2026-10-17 11:27:02 UTC', '2026-10-17 18:49:58 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-170508', 'Josué', 'Carvalho', 'josue.carvalho@uol.com.br', '(62) 96659-4222', 'PRD-0004', '2026-10-17 20:19:17 UTC', '2026-10-17 20:19:17 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-177277', 'Bruno', 'Andrade', 'bandrade@yahoo.com.br', '53971923769', 'PRD-0005', '2026-10-18 01:04:38 UTC', '2026-10-18 01:04:38 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-175481', 'Felipe', 'Leão Nunes', 'felipe.nunes.2@gmail.com', '19994235946', 'PRD-0002', '2026-10-15 17:01:26 UTC', '2026-10-18 01:08:04 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-118468', 'Adriana', 'Cavalcanti', 'adriana.cavalcanti@yahoo.com.br', '(13) 98823-7730', 'PRD-0006', '2026-10-17 10:50:37 UTC', '2026-10-18 02:34:42 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-162768', 'Pedro', 'Lima Fernandes', 'pedrofernandes54@escolaviver.org.br', '(53) 99812-2152', 'PRD-0005', '2026-10-17 18:45:38 UTC', '2026-10-18 08:24:03 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-143375', 'Maria José', 'Souza', 'mariajose.souza98@yahoo.com.br', '16996704332', 'PRD-0002', '2026-10-20 12:27:32 UTC', '2026-10-20 12:27:32 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-160911', 'Raimundo Nonato', 'Santos', NULL, '(71) 99123-8890', 'PRD-0006', '2026-10-18 07:48:47 UTC', '2026-10-20 16:51:41 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-137202', 'Ana Luíza', 'Nascimento', 'analuiza.nascimento.5@yahoo.com.br', '(71) 96267-8784', 'PRD-0004', '2026-10-20 21:01:36 UTC', '2026-10-20 21:01:36 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-173944', 'Joana', 'D''Arc Pereira', 'joanadarc.pereira@hotmail.com', '(98) 98765-4012', 'PRD-0004', '2026-10-21 06:34:29 UTC', '2026-10-21 06:34:29 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-152902', 'José Carlos', 'Barbosa Gomes', 'josecarlosgomes21@bol.com.br', '(41) 97341-5096', 'PRD-0004', '2026-10-21 18:24:46 UTC', '2026-10-21 18:24:46 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-184897', 'Francisco', 'Magalhães', 'francisco_magalhaes@hotmail.com', '(84) 97244-3909', 'PRD-0002', '2026-10-20 16:08:55 UTC', '2026-10-22 13:31:11 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-179700', 'Luiz', 'Andrade', 'luiza437@hotmail.com', '(71) 97308-4234', 'PRD-0006', '2026-10-23 11:53:29 UTC', '2026-10-23 11:53:29 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-144547', 'Renata', 'Aragão', 'renata_aragao1958@hotmail.com', '(81) 99843-0874', 'PRD-0005', '2026-10-21 23:49:18 UTC', '2026-10-24 05:37:24 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-113876', 'Luiz Augusto', 'Magalhães', 'luizaugustom243@hotmail.com', '24974305200', 'PRD-0006', '2026-10-24 16:53:58 UTC', '2026-10-24 16:53:58 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-177471', 'Rafael', 'D''Ávila', 'rafael.davila@outlook.com', '(51) 99876-1234', 'PRD-0003', '2026-10-25 09:55:46 UTC', '2026-10-25 09:55:46 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-183589', 'Sérgio', 'Silva', 'sergiosilva77@gmail.com', '(65) 97606-0974', 'PRD-0006', '2026-10-25 11:23:14 UTC', '2026-10-25 11:23:14 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-137854', 'Carla', 'Menezes', 'carla.menezes@gmail.com', '(11) 97654-3210', 'PRD-0001', '2026-10-23 13:20:14 UTC', '2026-10-25 17:17:38 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-163870', 'Maria', 'Souza', 'maria.souza@gmail.com', '(11) 98765-4321', 'PRD-0001', '2026-10-25 22:34:59 UTC', '2026-10-25 22:34:59 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-168180', 'Luana', 'Ramos Guimarães', 'luanaguimaraes96@uol.com.br', '(61) 96395-7906', 'PRD-0001', '2026-10-26 16:59:56 UTC', '2026-10-26 16:59:56 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-182799', 'Otávio', 'Araújo', 'otavio.araujo.5@gmail.com', '(13) 98580-1170', 'PRD-0002', '2026-10-26 22:20:41 UTC', '2026-10-26 22:20:41 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-119589', 'Conceição', 'Araújo', 'conceicao.araujo@uol.com.br', '(81) 98812-3456', 'PRD-0004', '2026-10-27 00:35:19 UTC', '2026-10-27 00:35:19 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-127440', 'Valéria', 'Romão', 'valeriaromao81@bol.com.br', '21961131634', 'PRD-0006', '2026-10-27 05:34:43 UTC', '2026-10-27 05:34:43 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-125277', 'Wellington', 'Almeida', 'wellingtonalmeida52@hotmail.com', '(92) 99881-5387', 'PRD-0002', '2026-10-27 21:55:25 UTC', '2026-10-27 21:55:25 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-112081', 'Gabriela', 'Santana Esteves', 'gabriela.esteves82@gmail.com', '(81) 99233-4569', 'PRD-0002', '2026-10-28 04:05:07 UTC', '2026-10-28 04:05:07 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-142660', 'Maria Clara', 'Cardoso', 'mcardoso@gmail.com', '(11) 98083-1726', 'PRD-0006', '2026-10-28 05:18:09 UTC', '2026-10-29 02:24:37 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-142660', 'Maria Clara', 'Cardoso', 'mcardoso@gmail.com', '(11) 98083-1726', 'PRD-0006', '2026-10-28 05:18:09 UTC', '2026-10-29 02:24:37 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-107954', 'Mariana', 'Falcão Barbosa', 'marianab466@hotmail.com', '(41) 99876-4070', 'PRD-0004', '2026-10-28 20:52:49 UTC', '2026-10-30 04:54:31 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-100532', 'João Pedro', 'Gonçalves', 'jp.goncalves@hotmail.com', '(21) 99654-1230', 'PRD-0002', '2026-10-30 18:07:56 UTC', '2026-10-30 18:07:56 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-147821', 'Maria Eduarda', 'Nascimento', 'mariaeduarda_nascimento@gmail.com', '82986442296', 'PRD-0003', '2026-10-30 21:44:27 UTC', '2026-10-30 21:44:27 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-139763', 'Fernanda', 'Oliveira', 'fernanda.oliveira@terra.com.br', '(19) 99645-1122', 'PRD-0001', '2026-10-31 00:25:01 UTC', '2026-10-31 00:25:01 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-124695', 'Mateus', 'Rocha', 'mateus.rocha91@gmail.com', NULL, 'PRD-0002', '2026-10-31 09:10:32 UTC', '2026-10-31 09:10:32 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-154521', 'Gabriela', 'Nunes', 'gabrielanunes39@outlook.com', NULL, 'PRD-0006', '2026-10-30 20:53:57 UTC', '2026-10-31 15:57:55 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-154780', 'Beatriz', 'Lima', 'beatriz.lima@icloud.com', '(19) 99700-1122', 'PRD-0005', '2026-10-30 21:53:03 UTC', '2026-10-31 22:39:30 UTC', '2026-11-01 03:00:00 UTC'),
        ('ac-102480', 'Júlio', 'Souza', 'julio_souza@gmail.com', '(21) 99848-9692', 'PRD-0003', '2026-10-31 23:13:25 UTC', '2026-10-31 23:13:25 UTC', '2026-11-01 03:00:00 UTC')
) AS seed ("contact_id", "first_name", "last_name", "email", "phone", "producer_id", "created_at", "updated_at", "_loaded_at")
