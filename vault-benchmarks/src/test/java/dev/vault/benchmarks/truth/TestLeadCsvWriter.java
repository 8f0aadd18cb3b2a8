package dev.vault.benchmarks.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting and the exact column layouts of the example's bronze sources. */
class TestLeadCsvWriter
{
    private static final Instant TIME = Instant.parse("2026-10-28T14:03:11Z");

    @Test
    void quotesOnlyWhenNeeded()
    {
        assertThat(LeadCsvWriter.field(null)).isEmpty();
        assertThat(LeadCsvWriter.field("")).isEmpty();
        assertThat(LeadCsvWriter.field("Rafael D'Ávila")).isEqualTo("Rafael D'Ávila");
        assertThat(LeadCsvWriter.field(" Maria.Souza@Gmail.com ")).isEqualTo(" Maria.Souza@Gmail.com ");
        assertThat(LeadCsvWriter.field("Souza, Marcelo")).isEqualTo("\"Souza, Marcelo\"");
        assertThat(LeadCsvWriter.field("Francisco \"Chico\" Alves")).isEqualTo("\"Francisco \"\"Chico\"\" Alves\"");
        assertThat(LeadCsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(LeadCsvWriter.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(LeadCsvWriter.line("a", null, "b,c")).isEqualTo("a,,\"b,c\"\n");
    }

    @Test
    void writesEachSourceInItsLayout()
            throws IOException
    {
        List<GeneratedLead> leads = List.of(
                new GeneratedLead(Source.ACTIVECAMPAIGN, "ac-1234567", "Joana", "D'Arc Pereira", "Joana D'Arc Pereira", "joana@hotmail.com",
                        "(11) 98765-4321", "PRD-0001", TIME, TIME.plusSeconds(60), null, null, "P0000001", ImmutableSet.of()),
                new GeneratedLead(Source.FACEBOOK_ADS, "1189500114502223", null, null, "Souza, Marcelo", null, "+5511987654321", "PRD-0002",
                        TIME, null, "Inglês do Zero, Turma Novembro - Captação Out/26", "120204408050993870", "P0000002", ImmutableSet.of()),
                new GeneratedLead(Source.GOOGLE_ADS, "gl-3ef015294f", null, null, "Francisco \"Chico\" Alves", "chico@uol.com.br", null, "PRD-0003",
                        TIME, null, "22091150532", "Cj0KCQjwpcxxrjQkRn1zYtcax15Iz1qt_BwE", "P0000003", ImmutableSet.of()));

        assertThat(write(Source.ACTIVECAMPAIGN, leads)).isEqualTo("""
                contact_id,first_name,last_name,email,phone,producer_id,created_at,updated_at,_loaded_at
                ac-1234567,Joana,D'Arc Pereira,joana@hotmail.com,(11) 98765-4321,PRD-0001,2026-10-28 14:03:11 UTC,2026-10-28 14:04:11 UTC,2026-11-01 03:00:00 UTC
                """);
        assertThat(write(Source.FACEBOOK_ADS, leads)).isEqualTo("""
                leadgen_id,full_name,email,phone_number,producer_id,campaign_name,ad_id,created_time,_loaded_at
                1189500114502223,"Souza, Marcelo",,+5511987654321,PRD-0002,"Inglês do Zero, Turma Novembro - Captação Out/26",120204408050993870,2026-10-28 14:03:11 UTC,2026-11-01 03:05:00 UTC
                """);
        assertThat(write(Source.GOOGLE_ADS, leads)).isEqualTo("""
                lead_id,full_name,email,phone_number,producer_id,campaign_id,gclid,lead_submit_time,_loaded_at
                gl-3ef015294f,"Francisco ""Chico"" Alves",chico@uol.com.br,,PRD-0003,22091150532,Cj0KCQjwpcxxrjQkRn1zYtcax15Iz1qt_BwE,2026-10-28 14:03:11 UTC,2026-11-01 03:10:00 UTC
                """);
        StringWriter truth = new StringWriter();
        LeadCsvWriter.writeTruth(truth, leads);
        assertThat(truth.toString()).isEqualTo("""
                source,record_id,true_person_id
                activecampaign,ac-1234567,P0000001
                facebook_ads,1189500114502223,P0000002
                google_ads,gl-3ef015294f,P0000003
                """);
    }

    @Test
    void headersMatchTheBronzeSourcesOfTheExampleProject()
            throws IOException
    {
        Path sources = Path.of("..", "models", "bronze", "sources.yml");
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(sources.toFile());
        for (JsonNode source : yaml.path("sources")) {
            List<String> columns = new ArrayList<>();
            source.path("columns").forEach(column -> columns.add(column.path("name").asText()));
            String header = switch (source.path("name").asText()) {
                case "crm_activecampaign_contacts" -> LeadCsvWriter.CRM_HEADER;
                case "facebook_ads_leads" -> LeadCsvWriter.FACEBOOK_HEADER;
                case "google_ads_leads" -> LeadCsvWriter.GOOGLE_HEADER;
                default -> throw new AssertionError("unexpected source " + source.path("name"));
            };
            assertThat(header).as(source.path("name").asText()).isEqualTo(String.join(",", columns));
            assertThat(Source.valueOf(source.path("record-source").asText().toUpperCase(Locale.ROOT)).table())
                    .isEqualTo(source.path("name").asText());
        }
    }

    @Test
    void writesThreeSeedFilesAndTheTruth(@TempDir Path directory)
            throws IOException
    {
        GroundTruth truth = new GroundTruthGenerator(5).generate(300);
        List<Path> files = LeadCsvWriter.write(directory, truth.leads());

        assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly(
                "crm_activecampaign_contacts.csv", "facebook_ads_leads.csv", "google_ads_leads.csv", "truth.csv");
        long rows = 0;
        for (Path file : files.subList(0, 3)) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes[0]).as("no BOM").isNotEqualTo((byte) 0xEF);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\r").endsWith("\n");
            rows += text.lines().count() - 1;
            assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).matches(".*,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC,2026-11-01 03:\\d\\d:00 UTC"));
        }
        assertThat(rows).isEqualTo(truth.leads().size());
        assertThat(Files.readAllLines(files.get(3))).hasSize(truth.leads().size() + 1);
    }

    private static String write(Source source, List<GeneratedLead> leads)
            throws IOException
    {
        StringWriter out = new StringWriter();
        LeadCsvWriter.writeSource(out, source, leads);
        return out.toString();
    }
}
