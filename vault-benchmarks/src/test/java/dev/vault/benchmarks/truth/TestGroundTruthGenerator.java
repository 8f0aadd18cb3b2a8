package dev.vault.benchmarks.truth;

import dev.vault.core.identity.IdentityNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator is deterministic, plants every variation and situation, and keeps the sources' formats. */
class TestGroundTruthGenerator
{
    private static final int PERSONS = 3000;
    private static GroundTruth truth;

    @BeforeAll
    static void generate()
    {
        truth = new GroundTruthGenerator(7).generate(PERSONS);
    }

    @Test
    void sameSeedGivesTheSameOutputByteForByte()
            throws IOException
    {
        GroundTruth again = new GroundTruthGenerator(7).generate(PERSONS);
        assertThat(again.leads()).isEqualTo(truth.leads());
        assertThat(csv(again.leads())).isEqualTo(csv(truth.leads()));

        GroundTruth other = new GroundTruthGenerator(8).generate(PERSONS);
        assertThat(csv(other.leads())).isNotEqualTo(csv(truth.leads()));
    }

    @Test
    void smallRunsAreDeterministicToo()
    {
        assertThat(new GroundTruthGenerator(123).generate(1).leads()).isEqualTo(new GroundTruthGenerator(123).generate(1).leads());
    }

    @Test
    void plantsEveryVariation()
    {
        Map<Variation, Long> counts = truth.leads().stream()
                .flatMap(lead -> lead.variations().stream())
                .collect(Collectors.groupingBy(variation -> variation, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Variation.class));
    }

    @Test
    void sizeAndIds()
    {
        // ~2.6 leads per person, plus at least 80 test submissions
        assertThat(truth.leads().size()).isBetween(PERSONS * 2, PERSONS * 3 + 200);
        assertThat(truth.truePersons()).isEqualTo(PERSONS + 80);
        assertThat(truth.leads().stream().map(GeneratedLead::recordId).distinct().count()).isEqualTo(truth.leads().size());
        assertThat(truth.leads()).allSatisfy(lead -> {
            switch (lead.source()) {
                case ACTIVECAMPAIGN -> assertThat(lead.recordId()).matches("ac-\\d{7}");
                case FACEBOOK_ADS -> assertThat(lead.recordId()).matches("1\\d{15}");
                case GOOGLE_ADS -> assertThat(lead.recordId()).matches("gl-[0-9a-f]{10}");
            }
            assertThat(lead.leadTime()).isBetween(GroundTruthGenerator.WINDOW_START, GroundTruthGenerator.WINDOW_END);
            assertThat(lead.producerId()).matches("PRD-00\\d\\d");
        });
        assertThat(truth.leads().stream().map(GeneratedLead::source).collect(Collectors.toSet())).containsExactlyInAnyOrder(Source.values());
    }

    @Test
    void crmNameIsFirstAndLastNameAsTheStagingViewJoinsThem()
    {
        assertThat(truth.leads()).filteredOn(lead -> lead.source() == Source.ACTIVECAMPAIGN).allSatisfy(lead -> {
            String joined = String.join(" ", Arrays.stream(new String[] {lead.firstName(), lead.lastName()})
                    .filter(part -> part != null).map(String::strip).toList()).strip();
            assertThat(lead.name()).isEqualTo(joined.isEmpty() ? null : joined);
            assertThat(lead.updatedAt()).isAfterOrEqualTo(lead.leadTime());
        });
        assertThat(truth.leads()).filteredOn(lead -> lead.source() != Source.ACTIVECAMPAIGN)
                .allSatisfy(lead -> assertThat(lead.firstName()).isNull());
    }

    @Test
    void namesCarryAccentsAndLeadsVaryTheirFormats()
    {
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.name()).containsAnyOf("ã", "é", "í", "ô", "ç", "á"));
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.phone()).startsWith("+55"));
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.phone()).matches("\\(\\d\\d\\) 9\\d{4}-\\d{4}"));
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.phone()).matches("\\d{11}"));
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.phone()).matches("\\(\\d\\d\\) [2-5]\\d{3}-\\d{4}")); // landline
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.email()).endsWith("@gmail.com"));
        assertThat(truth.leads()).anySatisfy(lead -> assertThat(lead.email()).endsWith("@yahoo.com.br"));
        // a missing ninth digit is an 8-digit subscriber number that the normalizer restores
        assertThat(truth.leads()).filteredOn(lead -> lead.has(Variation.MISSING_NINTH_DIGIT) && !lead.has(Variation.PHONE_TYPO))
                .isNotEmpty()
                .allSatisfy(lead -> assertThat(IdentityNormalizer.phone(lead.phone(), "BR")).hasSize(11).matches("\\d\\d9\\d{8}"));
        // every lead has at least one contact
        assertThat(truth.leads()).allSatisfy(lead -> assertThat(lead.email() != null || lead.phone() != null).isTrue());
    }

    @Test
    void familiesShareAPhoneAndASurnameButNotAName()
    {
        // normalized phone -> person -> the person's normalized full names
        Map<String, Map<String, Set<String>>> namesByPhone = new HashMap<>();
        for (GeneratedLead lead : truth.leads()) {
            if (lead.has(Variation.SHARED_FAMILY_PHONE) && !lead.has(Variation.PHONE_TYPO) && lead.name() != null
                    && !lead.has(Variation.FIRST_NAME_ONLY) && !lead.has(Variation.SHORT_NAME)) {
                namesByPhone.computeIfAbsent(IdentityNormalizer.phone(lead.phone(), "BR"), ignored -> new HashMap<>())
                        .computeIfAbsent(lead.truePersonId(), ignored -> new HashSet<>())
                        .add(IdentityNormalizer.name(lead.name()));
            }
        }
        List<Map<String, Set<String>>> families = namesByPhone.values().stream().filter(persons -> persons.size() > 1).toList();
        assertThat(families).hasSizeGreaterThan(20);
        for (Map<String, Set<String>> family : families) {
            Set<String> names = new HashSet<>();
            Set<String> surnames = new HashSet<>();
            family.values().forEach(personNames -> {
                assertThat(personNames).as("one full name per person: %s", family).hasSize(1);
                String name = personNames.iterator().next();
                assertThat(names.add(name)).as("different persons, different names: %s", family).isTrue();
                surnames.add(name.substring(name.lastIndexOf(' ') + 1));
            });
            assertThat(surnames).as("one family surname: %s", family).hasSize(1);
        }
    }

    @Test
    void phoneOnlyAndEmailOnlyPersons()
    {
        Map<String, List<GeneratedLead>> byPerson = truth.leads().stream()
                .filter(lead -> !lead.has(Variation.TEST_SUBMISSION))
                .collect(Collectors.groupingBy(GeneratedLead::truePersonId));
        long phoneOnly = byPerson.values().stream()
                .filter(leads -> leads.stream().allMatch(lead -> lead.email() == null && lead.phone() != null && !lead.has(Variation.FAMILY_EMAIL)))
                .count();
        long emailOnly = byPerson.values().stream()
                .filter(leads -> leads.stream().allMatch(lead -> lead.phone() == null && lead.email() != null && !lead.has(Variation.PHONE_MISSING)))
                .count();
        assertThat(phoneOnly).isGreaterThan(PERSONS / 20);
        assertThat(emailOnly).isGreaterThan(PERSONS / 25);
        assertThat(truth.leads()).anySatisfy(lead -> {
            assertThat(lead.name()).isNull();
            assertThat(lead.has(Variation.NAME_MISSING)).isTrue();
        });
    }

    @Test
    void junkValuesAreUsedByManyDifferentPersons()
    {
        Map<String, Set<String>> personsByEmail = new HashMap<>();
        Map<String, Set<String>> personsByPhone = new HashMap<>();
        for (GeneratedLead lead : truth.leads()) {
            String email = IdentityNormalizer.email(lead.email());
            String phone = IdentityNormalizer.phone(lead.phone(), "BR");
            if (email != null) {
                personsByEmail.computeIfAbsent(email, ignored -> new HashSet<>()).add(lead.truePersonId());
            }
            if (phone != null) {
                personsByPhone.computeIfAbsent(phone, ignored -> new HashSet<>()).add(lead.truePersonId());
            }
        }
        assertThat(personsByEmail.get("teste@teste.com")).hasSizeGreaterThan(60);
        assertThat(personsByPhone.get("11999999999")).hasSizeGreaterThan(60);
        assertThat(personsByPhone.get("1140040000")).hasSizeGreaterThan(15);
        assertThat(truth.plantedJunk()).extracting(GroundTruth.PlantedJunk::value)
                .containsExactly("teste@teste.com", "11999999999", "(11) 4004-0000");
        // real persons who typed a junk value keep their other real details
        assertThat(truth.leads()).anySatisfy(lead -> {
            assertThat(lead.has(Variation.JUNK_EMAIL) && !lead.has(Variation.TEST_SUBMISSION)).isTrue();
            assertThat(lead.phone()).isNotNull();
            assertThat(lead.name()).isNotNull();
        });
        // apart from junk and families, no two persons share an email mailbox
        personsByEmail.forEach((email, persons) -> {
            if (!email.equals("teste@teste.com")) {
                assertThat(persons).as(email).hasSizeLessThanOrEqualTo(3);
            }
        });
    }

    private static String csv(List<GeneratedLead> leads)
            throws IOException
    {
        StringWriter out = new StringWriter();
        for (Source source : Source.values()) {
            LeadCsvWriter.writeSource(out, source, leads);
        }
        LeadCsvWriter.writeTruth(out, leads);
        return out.toString();
    }
}
