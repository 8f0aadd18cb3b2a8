package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.vault.benchmarks.truth.Person.Kind;
import net.datafaker.Faker;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Generates leads from the CRM (ActiveCampaign), Facebook Ads and Google Ads for a number of
 * made-up Brazilian persons, with the hidden true person of every record and the variations real
 * lead data has: accents dropped, case, short names, Gmail dots and +tags, phones with and without
 * +55 and punctuation, old mobiles without the ninth digit, missing fields, typos, second emails
 * and phones, families sharing a phone, parents signing children up with their own email, and junk
 * values ('teste@teste.com', '11999999999', a call centre's phone) used by many persons.
 *
 * <p>Deterministic: the output depends only on the seed and the number of persons (datafaker's
 * pt-BR locale driven by one seeded {@link Random}; no clock, no hash iteration order). The
 * probabilities are constants below, chosen to resemble lead exports of Brazilian online-course
 * producers; a matcher with exact keys on normalized email and name + phone should score above
 * 0.95 pairwise precision and recall, but not 1.0.
 */
public final class GroundTruthGenerator
{
    public static final String JUNK_EMAIL = "teste@teste.com";
    public static final String JUNK_PHONE = "11999999999";
    public static final String CALL_CENTRE_PHONE = "(11) 4004-0000";
    /** Lead times fall in [WINDOW_START, WINDOW_END); the exports land just after. */
    public static final Instant WINDOW_START = Instant.parse("2026-09-01T00:00:00Z");
    public static final Instant WINDOW_END = Instant.parse("2026-11-01T00:00:00Z");
    public static final int PRODUCERS = 40;

    // ---- persons ----
    static final double PHONE_ONLY_PERSON = 0.10;       // name and phone, never an email
    static final double EMAIL_ONLY_PERSON = 0.08;       // email (name often missing), never a phone
    static final double FAMILY = 0.03;                  // a person starts a family sharing one phone
    static final double FAMILY_OF_THREE = 0.30;
    static final double FAMILY_LANDLINE = 0.60;
    static final double LANDLINE_PERSON = 0.08;
    static final double SECOND_EMAIL_PERSON = 0.08;
    static final double SECOND_PHONE_PERSON = 0.05;
    static final double SECOND_DETAIL_USE = 0.30;       // share of leads using the second email or phone
    static final double CONNECTIVE_SURNAME = 0.15;       // the last surname is "da Silva", "dos Santos", ...
    static final double FACEBOOK_SHORT_PROFILE = 0.25;  // the Facebook profile name is "First Last"
    static final double[] LEADS_PER_PERSON_CDF = {0.30, 0.58, 0.76, 0.87, 0.93, 0.97, 1.0}; // 1..6, then 7..10

    // ---- sources ----
    static final double SOURCE_CRM = 0.35;
    static final double SOURCE_FACEBOOK = 0.40;         // Google: the rest

    // ---- names, per lead: [CRM, Facebook, Google] ----
    static final double[] NAME_MISSING = {0.02, 0.01, 0.04};
    static final double NAME_MISSING_EMAIL_ONLY_PERSON = 0.40;
    static final double[] FIRST_NAME_ONLY = {0.03, 0.01, 0.02};
    static final double[] SHORT_NAME = {0.04, 0.0, 0.06};  // Facebook: the profile name, see above
    static final double ACCENTS_DROPPED = 0.15;
    static final double UPPER_CASE = 0.04;
    static final double LOWER_CASE = 0.07;
    static final double EXTRA_SPACES = 0.03;

    // ---- emails, per lead ----
    static final double[] EMAIL_PRESENT = {0.95, 0.98, 0.92};
    static final double FAMILY_EMAIL = 0.08;            // of a family member's leads: the head's address
    static final double GMAIL_DOTS = 0.08;
    static final double GOOGLEMAIL = 0.01;
    static final double PLUS_TAG = 0.03;
    static final double EMAIL_TYPO = 0.01;
    static final double EMAIL_CAPITALIZED = 0.08;
    static final double EMAIL_UPPER = 0.03;
    static final double EMAIL_SPACES = 0.03;
    static final double JUNK_EMAIL_USE = 0.003;

    // ---- phones, per lead ----
    static final double[] PHONE_PRESENT = {0.88, 0.98, 0.92};
    static final double[] MISSING_NINTH_DIGIT = {0.05, 0.01, 0.04};
    static final double PHONE_TYPO = 0.005;
    static final double JUNK_PHONE_USE = 0.003;
    static final double CALL_CENTRE = 0.015;            // of CRM leads
    static final double DOUBLE_SUBMIT = 0.01;           // of ad leads

    // ---- test submissions ----
    static final int MIN_TEST_SUBMISSIONS = 80;
    static final int PERSONS_PER_TEST_SUBMISSION = 200;

    static final String[] COURSES = {
            "Bolos Caseiros que Vendem", "Inglês do Zero, Turma Novembro", "Excel do Básico ao Avançado",
            "Imersão Tráfego Pago", "Marketing Digital para Iniciantes", "Confeitaria Lucrativa",
            "Finanças Pessoais na Prática", "Fotografia com Celular", "Maquiagem Profissional",
            "Concurso INSS 2027", "Violão em 30 Dias", "Yoga para Iniciantes", "Python do Zero",
            "Unhas de Gel, Curso Completo", "Investimentos para Iniciantes", "Aula Grátis de Conversação"};
    static final String[] CAMPAIGN_KINDS = {"Captação", "Aula Grátis", "Remarketing", "Lançamento"};
    static final String[] CAMPAIGN_KINDS_OCTOBER = {"Captação", "Aula Grátis", "Remarketing", "Esquenta Black Friday", "Lançamento"};
    /** Common surnames written with a connective, for CONNECTIVE_SURNAME of persons' last surname. */
    static final String[] CONNECTIVE_SURNAMES = {
            "da Silva", "dos Santos", "de Souza", "de Oliveira", "da Costa", "do Nascimento", "de Jesus", "da Conceição",
            "dos Reis", "de Almeida", "da Cruz", "de Lima", "das Neves", "do Carmo", "de Assis"};
    static final String[] PLUS_TAGS = {"cursos", "promo", "fb", "ads", "news", "compras"};
    static final String[] CORPORATE_WORDS = {"consultoria", "advocacia", "engenharia", "contabil", "imoveis", "odonto", "tech", "construtora"};
    static final String[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("");

    /** Email providers of Brazilian leads and their weights; "corporate" is a company domain. */
    static final String[] PROVIDERS = {
            "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "icloud.com", "uol.com.br", "bol.com.br",
            "terra.com.br", "live.com", "hotmail.com.br", "globo.com", "yahoo.com", "outlook.com.br", "corporate"};
    static final double[] PROVIDER_WEIGHTS = {52, 14, 6, 6, 3, 3, 3, 2, 2, 1, 1, 1, 1, 5};

    /** Area codes (DDD) with weights roughly following the number of mobile lines. */
    static final int[] DDDS = {
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
            47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
            86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99};
    static final double[] DDD_WEIGHTS = new double[DDDS.length];

    static {
        for (int i = 0; i < DDDS.length; i++) {
            DDD_WEIGHTS[i] = switch (DDDS[i]) {
                case 11 -> 18;
                case 21 -> 8;
                case 31 -> 4;
                case 19, 41, 51, 61, 71, 81, 85 -> 3;
                case 27, 48, 62, 92 -> 2;
                default -> 1;
            };
        }
    }

    private final long seed;

    public GroundTruthGenerator(long seed)
    {
        this.seed = seed;
    }

    /** Generates the leads of {@code persons} real persons, plus the producers' test submissions. */
    public GroundTruth generate(int persons)
    {
        checkArgument(persons >= 1, "persons must be at least 1");
        return new Run(seed).generate(persons);
    }

    /** One generation: all mutable state lives here, so that every call starts from the seed. */
    private static final class Run
    {
        private final long seed;
        private final Random random;
        private final Dice dice;
        private final Faker faker;
        private final Set<String> phones = new HashSet<>();
        private final PersonFactory people;
        private final LeadVariations written;
        private final Set<String> recordIds = new HashSet<>();
        private final long[][] googleCampaigns = new long[PRODUCERS][3];
        private final List<GeneratedLead> leads = new ArrayList<>();

        Run(long seed)
        {
            this.seed = seed;
            this.random = new Random(seed);
            this.dice = new Dice(random);
            this.faker = new Faker(Locale.of("pt", "BR"), new Random(random.nextLong()));
            for (long[] campaigns : googleCampaigns) {
                for (int i = 0; i < campaigns.length; i++) {
                    campaigns[i] = 20_000_000_000L + (long) (random.nextDouble() * 3_000_000_000L);
                }
            }
            phones.add(JUNK_PHONE);
            phones.add("1140040000");
            this.people = new PersonFactory(random, dice, faker, phones);
            this.written = new LeadVariations(random, dice, phones);
        }

        GroundTruth generate(int count)
        {
            List<Person> persons = new ArrayList<>(count);
            while (persons.size() < count) {
                Person person = people.newPerson(persons.size(), dice.chance(PHONE_ONLY_PERSON) ? Kind.PHONE_ONLY : dice.chance(EMAIL_ONLY_PERSON / (1 - PHONE_ONLY_PERSON)) ? Kind.EMAIL_ONLY : Kind.FULL);
                persons.add(person);
                if (person.kind != Kind.EMAIL_ONLY && persons.size() < count && dice.chance(FAMILY)) {
                    int size = dice.chance(FAMILY_OF_THREE) ? 3 : 2;
                    List<Person> family = new ArrayList<>(List.of(person));
                    if (dice.chance(FAMILY_LANDLINE)) {
                        person.phone = people.newPhone(true);
                        person.landline = true;
                    }
                    person.sharedPhone = true;
                    for (int i = 1; i < size && persons.size() < count; i++) {
                        Person member = people.newFamilyMember(persons.size(), person, family);
                        family.add(member);
                        persons.add(member);
                    }
                    List<Person> members = List.copyOf(family);
                    members.forEach(member -> member.family = members);
                }
            }
            for (Person person : persons) {
                int leadCount = leadCount();
                for (int i = 0; i < leadCount; i++) {
                    lead(person);
                }
            }
            int tests = Math.max(MIN_TEST_SUBMISSIONS, count / PERSONS_PER_TEST_SUBMISSION);
            for (int i = 0; i < tests; i++) {
                testSubmission(i);
            }
            return new GroundTruth(seed, count, ImmutableList.copyOf(leads), ImmutableList.of(
                    new GroundTruth.PlantedJunk("email", JUNK_EMAIL, "producers' test submissions and persons who would not give their address"),
                    new GroundTruth.PlantedJunk("phone", JUNK_PHONE, "producers' test submissions and persons who would not give their number"),
                    new GroundTruth.PlantedJunk("phone", CALL_CENTRE_PHONE, "a call centre that registers CRM contacts with its own number")));
        }

        private int leadCount()
        {
            int bucket = dice.pickCumulative(LEADS_PER_PERSON_CDF);
            return bucket < 6 ? bucket + 1 : 7 + random.nextInt(4);
        }

        private void lead(Person person)
        {
            double draw = random.nextDouble();
            Source source = draw < SOURCE_CRM ? Source.ACTIVECAMPAIGN : draw < SOURCE_CRM + SOURCE_FACEBOOK ? Source.FACEBOOK_ADS : Source.GOOGLE_ADS;
            int s = source.ordinal();
            EnumSet<Variation> variations = EnumSet.noneOf(Variation.class);

            // contacts first, so that a lead keeps at least one contact as lead forms require
            boolean hasEmail = person.email != null && dice.chance(EMAIL_PRESENT[s]);
            boolean hasPhone = person.phone != null && dice.chance(PHONE_PRESENT[s]);
            if (!hasEmail && !hasPhone) {
                if (person.email != null && (person.phone == null || dice.chance(0.5))) {
                    hasEmail = true;
                }
                else {
                    hasPhone = true;
                }
            }
            if (person.email != null && !hasEmail) {
                variations.add(Variation.EMAIL_MISSING);
            }
            if (person.phone != null && !hasPhone) {
                variations.add(Variation.PHONE_MISSING);
            }
            String email = hasEmail ? written.email(person, variations) : null;
            String phone = hasPhone ? written.phone(person, source, variations) : null;
            String[] name = written.name(person, source, variations);

            int producer = dice.chance(0.75) ? person.producer : dice.producer();
            Instant time = WINDOW_START.plusSeconds((long) (random.nextDouble() * Duration.between(WINDOW_START, WINDOW_END).toSeconds()));
            GeneratedLead lead = build(source, name, email, phone, producer, time, person.id, variations);
            leads.add(lead);
            if (source != Source.ACTIVECAMPAIGN && dice.chance(DOUBLE_SUBMIT)) {
                EnumSet<Variation> again = EnumSet.copyOf(variations);
                again.add(Variation.DOUBLE_SUBMIT);
                Instant later = time.plusSeconds(20 + random.nextInt(100));
                leads.add(new GeneratedLead(source, recordId(source), null, null, lead.name(), email, phone, lead.producerId(),
                        later.isBefore(WINDOW_END) ? later : time, null, lead.campaign(), lead.adReference(), person.id,
                        Sets.immutableEnumSet(again)));
            }
        }

        private void testSubmission(int index)
        {
            double draw = random.nextDouble();
            Source source = draw < 0.2 ? Source.ACTIVECAMPAIGN : draw < 0.6 ? Source.FACEBOOK_ADS : Source.GOOGLE_ADS;
            EnumSet<Variation> variations = EnumSet.of(Variation.TEST_SUBMISSION);
            String given = dice.pickOf("Teste", "teste", "TESTE", "Teste ");
            String email = dice.chance(0.8) || index % 4 == 3 ? dice.pickOf(JUNK_EMAIL, JUNK_EMAIL, "Teste@teste.com", "TESTE@TESTE.COM") : null;
            String phone = index % 4 != 3 ? dice.pickOf("(11) 99999-9999", "11999999999", "+5511999999999") : null;
            if (email != null) {
                variations.add(Variation.JUNK_EMAIL);
            }
            if (phone != null) {
                variations.add(Variation.JUNK_PHONE);
            }
            Instant time = WINDOW_START.plusSeconds((long) (random.nextDouble() * Duration.between(WINDOW_START, WINDOW_END).toSeconds()));
            leads.add(build(source, new String[] {given, null}, email, phone, dice.producer(), time, "T%06d".formatted(index + 1), variations));
        }

        private GeneratedLead build(Source source, String[] name, String email, String phone, int producer, Instant time, String personId, EnumSet<Variation> variations)
        {
            String producerId = "PRD-%04d".formatted(producer + 1);
            String recordId = recordId(source);
            ImmutableSet<Variation> tags = Sets.immutableEnumSet(variations);
            return switch (source) {
                case ACTIVECAMPAIGN -> {
                    Instant updated = dice.chance(0.6) ? time : time.plusSeconds((long) (random.nextDouble() * Math.min(
                            Duration.ofDays(10).toSeconds(), Duration.between(time, WINDOW_END).toSeconds() - 1)));
                    yield new GeneratedLead(source, recordId, name[0], name[1], crmName(name[0], name[1]), email, phone,
                            producerId, time, updated, null, null, personId, tags);
                }
                case FACEBOOK_ADS -> new GeneratedLead(source, recordId, null, null, fullName(name), email, phone, producerId, time, null,
                        campaignName(producer, time), "1202" + dice.digits(14), personId, tags);
                case GOOGLE_ADS -> new GeneratedLead(source, recordId, null, null, fullName(name), email, phone, producerId, time, null,
                        Long.toString(googleCampaigns[producer][random.nextInt(3)]), gclid(), personId, tags);
            };
        }

        /** The staging view's name for CRM rows: nullif(trim(concat_ws(' ', trim(first), trim(last))), ''). */
        static String crmName(String first, String last)
        {
            List<String> parts = new ArrayList<>(2);
            if (first != null) {
                parts.add(first.strip());
            }
            if (last != null) {
                parts.add(last.strip());
            }
            String name = String.join(" ", parts).strip();
            return name.isEmpty() ? null : name;
        }

        /** The ad sources' full_name as written (null when absent). */
        private static String fullName(String[] name)
        {
            if (name[0] == null && name[1] == null) {
                return null;
            }
            return name[1] == null ? name[0] : name[0] + " " + name[1];
        }

        private String recordId(Source source)
        {
            while (true) {
                String id = switch (source) {
                    case ACTIVECAMPAIGN -> "ac-" + (1_000_000 + random.nextInt(9_000_000));
                    case FACEBOOK_ADS -> "1" + dice.digits(15);
                    case GOOGLE_ADS -> "gl-" + "%010x".formatted(random.nextLong() & 0xFF_FFFF_FFFFL);
                };
                if (recordIds.add(id)) {
                    return id;
                }
            }
        }

        private String campaignName(int producer, Instant time)
        {
            String course = COURSES[producer % COURSES.length];
            boolean september = time.isBefore(Instant.parse("2026-10-01T00:00:00Z"));
            String kind = september ? dice.pickOf(CAMPAIGN_KINDS) : dice.pickOf(CAMPAIGN_KINDS_OCTOBER);
            return course + " - " + kind + " " + (september ? "Set/26" : "Out/26");
        }

        private String gclid()
        {
            StringBuilder gclid = new StringBuilder("Cj0KCQjw");
            for (int i = 0; i < 24; i++) {
                gclid.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
            }
            return gclid.append("_BwE").toString();
        }

    }

    /** Lower-case ASCII letters and digits, words separated by one space: for building addresses. */
    static String fold(String text)
    {
        String plain = stripAccents(text).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
            else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    static String stripAccents(String text)
    {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            if (c < '\u0300' || c > '\u036F') {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
