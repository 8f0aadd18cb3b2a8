package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
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

    private static final String[] COURSES = {
            "Bolos Caseiros que Vendem", "Inglês do Zero, Turma Novembro", "Excel do Básico ao Avançado",
            "Imersão Tráfego Pago", "Marketing Digital para Iniciantes", "Confeitaria Lucrativa",
            "Finanças Pessoais na Prática", "Fotografia com Celular", "Maquiagem Profissional",
            "Concurso INSS 2027", "Violão em 30 Dias", "Yoga para Iniciantes", "Python do Zero",
            "Unhas de Gel, Curso Completo", "Investimentos para Iniciantes", "Aula Grátis de Conversação"};
    private static final String[] CAMPAIGN_KINDS = {"Captação", "Aula Grátis", "Remarketing", "Lançamento"};
    private static final String[] CAMPAIGN_KINDS_OCTOBER = {"Captação", "Aula Grátis", "Remarketing", "Esquenta Black Friday", "Lançamento"};
    /** Common surnames written with a connective, for CONNECTIVE_SURNAME of persons' last surname. */
    private static final String[] CONNECTIVE_SURNAMES = {
            "da Silva", "dos Santos", "de Souza", "de Oliveira", "da Costa", "do Nascimento", "de Jesus", "da Conceição",
            "dos Reis", "de Almeida", "da Cruz", "de Lima", "das Neves", "do Carmo", "de Assis"};
    private static final String[] PLUS_TAGS = {"cursos", "promo", "fb", "ads", "news", "compras"};
    private static final String[] CORPORATE_WORDS = {"consultoria", "advocacia", "engenharia", "contabil", "imoveis", "odonto", "tech", "construtora"};
    private static final String[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("");

    /** Email providers of Brazilian leads and their weights; "corporate" is a company domain. */
    private static final String[] PROVIDERS = {
            "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "icloud.com", "uol.com.br", "bol.com.br",
            "terra.com.br", "live.com", "hotmail.com.br", "globo.com", "yahoo.com", "outlook.com.br", "corporate"};
    private static final double[] PROVIDER_WEIGHTS = {52, 14, 6, 6, 3, 3, 3, 2, 2, 1, 1, 1, 1, 5};

    /** Area codes (DDD) with weights roughly following the number of mobile lines. */
    private static final int[] DDDS = {
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
            47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
            86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99};
    private static final double[] DDD_WEIGHTS = new double[DDDS.length];

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

    private enum Kind { FULL, PHONE_ONLY, EMAIL_ONLY }

    private static final class Person
    {
        String id;
        Kind kind;
        String givenNames;
        List<String> surnames;
        String email;
        String secondEmail;
        String phone;
        boolean landline;
        String secondPhone;
        boolean sharedPhone;
        List<Person> family = List.of();
        boolean facebookShort;
        int producer;

        String fullName()
        {
            return givenNames + " " + String.join(" ", surnames);
        }
    }

    /** One generation: all mutable state lives here, so that every call starts from the seed. */
    private static final class Run
    {
        private final long seed;
        private final Random random;
        private final Faker faker;
        private final Set<String> mailboxes = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final Set<String> recordIds = new HashSet<>();
        private final long[][] googleCampaigns = new long[PRODUCERS][3];
        private final List<GeneratedLead> leads = new ArrayList<>();

        Run(long seed)
        {
            this.seed = seed;
            this.random = new Random(seed);
            this.faker = new Faker(Locale.of("pt", "BR"), new Random(random.nextLong()));
            for (long[] campaigns : googleCampaigns) {
                for (int i = 0; i < campaigns.length; i++) {
                    campaigns[i] = 20_000_000_000L + (long) (random.nextDouble() * 3_000_000_000L);
                }
            }
            phones.add(JUNK_PHONE);
            phones.add("1140040000");
        }

        GroundTruth generate(int count)
        {
            List<Person> persons = new ArrayList<>(count);
            while (persons.size() < count) {
                Person person = newPerson(persons.size(), chance(PHONE_ONLY_PERSON) ? Kind.PHONE_ONLY : chance(EMAIL_ONLY_PERSON / (1 - PHONE_ONLY_PERSON)) ? Kind.EMAIL_ONLY : Kind.FULL);
                persons.add(person);
                if (person.kind != Kind.EMAIL_ONLY && persons.size() < count && chance(FAMILY)) {
                    int size = chance(FAMILY_OF_THREE) ? 3 : 2;
                    List<Person> family = new ArrayList<>(List.of(person));
                    if (chance(FAMILY_LANDLINE)) {
                        person.phone = newPhone(true);
                        person.landline = true;
                    }
                    person.sharedPhone = true;
                    for (int i = 1; i < size && persons.size() < count; i++) {
                        Person member = newFamilyMember(persons.size(), person, family);
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

        // ---------------------------------------------------------------- persons

        private Person newPerson(int index, Kind kind)
        {
            Person person = new Person();
            person.id = "P%07d".formatted(index + 1);
            person.kind = kind;
            person.givenNames = faker.name().firstName();
            int surnames = pick(new double[] {40, 50, 10}) + 1;
            person.surnames = new ArrayList<>();
            while (person.surnames.size() < surnames) {
                String surname = faker.name().lastName();
                if (!person.surnames.contains(surname)) {
                    person.surnames.add(surname);
                }
            }
            if (chance(CONNECTIVE_SURNAME)) {
                person.surnames.set(person.surnames.size() - 1, pickOf(CONNECTIVE_SURNAMES));
            }
            completePerson(person);
            return person;
        }

        private Person newFamilyMember(int index, Person head, List<Person> family)
        {
            Person member = new Person();
            member.id = "P%07d".formatted(index + 1);
            member.kind = chance(0.6) ? Kind.FULL : Kind.PHONE_ONLY;
            String given;
            do {
                given = faker.name().firstName();
            }
            while (sameGivenName(given, family));
            member.givenNames = given;
            member.surnames = new ArrayList<>();
            if (chance(0.5)) {
                member.surnames.add(faker.name().lastName());
            }
            member.surnames.add(head.surnames.getLast());
            member.phone = head.phone;
            member.landline = head.landline;
            member.sharedPhone = true;
            completePerson(member);
            return member;
        }

        private static boolean sameGivenName(String given, List<Person> family)
        {
            for (Person person : family) {
                if (fold(person.givenNames).equals(fold(given))) {
                    return true;
                }
            }
            return false;
        }

        private void completePerson(Person person)
        {
            person.producer = producer();
            person.facebookShort = chance(FACEBOOK_SHORT_PROFILE);
            if (person.kind != Kind.PHONE_ONLY) {
                person.email = newEmail(person);
                if (chance(SECOND_EMAIL_PERSON)) {
                    person.secondEmail = newEmail(person);
                }
            }
            if (person.kind != Kind.EMAIL_ONLY) {
                if (person.phone == null) {
                    person.landline = chance(LANDLINE_PERSON);
                    person.phone = newPhone(person.landline);
                }
                if (chance(SECOND_PHONE_PERSON)) {
                    person.secondPhone = newPhone(false);
                }
            }
        }

        private String newEmail(Person person)
        {
            String[] given = fold(person.givenNames).split(" ");
            String first = given[0];
            String second = given.length > 1 ? given[1] : null;
            String[] lastWords = fold(person.surnames.getLast()).split(" ");
            String last = lastWords[lastWords.length - 1];
            String middle = person.surnames.size() > 1 ? fold(person.surnames.getFirst()).replace(" ", "") : second;
            String provider = PROVIDERS[pick(PROVIDER_WEIGHTS)];
            String domain = provider.equals("corporate")
                    ? fold(faker.name().lastName()).replace(" ", "") + pickOf(CORPORATE_WORDS) + ".com.br"
                    : provider;
            String local = switch (pick(new double[] {22, 12, 6, 14, 12, 8, 10, 6, 5, 5})) {
                case 0 -> first + "." + last;
                case 1 -> first + last;
                case 2 -> first + "_" + last;
                case 3 -> first + "." + last + digits(2);
                case 4 -> first + last + digits(3);
                case 5 -> first.charAt(0) + last;
                case 6 -> first + (1960 + random.nextInt(49));
                case 7 -> middle != null ? first + "." + middle + "." + last : first + "." + last + digits(1);
                case 8 -> last + "." + first;
                default -> first + digits(2);
            };
            String address = local + "@" + domain;
            while (!mailboxes.add(mailbox(address))) {
                address = local + digits(2 + random.nextInt(3)) + "@" + domain;
            }
            return address;
        }

        /** The mailbox an address delivers to: what makes two persons' addresses the same. */
        private static String mailbox(String address)
        {
            String lower = address.toLowerCase(Locale.ROOT);
            int at = lower.indexOf('@');
            String local = lower.substring(0, at);
            String domain = lower.substring(at + 1);
            if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
                return local.replace(".", "") + "@gmail.com";
            }
            return lower;
        }

        private String newPhone(boolean landline)
        {
            while (true) {
                String ddd = Integer.toString(DDDS[pick(DDD_WEIGHTS)]);
                String phone = landline
                        ? ddd + (2 + random.nextInt(4)) + digits(7)
                        : ddd + "9" + (6 + random.nextInt(4)) + digits(7);
                if (phones.add(phone)) {
                    return phone;
                }
            }
        }

        private int leadCount()
        {
            int bucket = pickCumulative(LEADS_PER_PERSON_CDF);
            return bucket < 6 ? bucket + 1 : 7 + random.nextInt(4);
        }

        // ---------------------------------------------------------------- leads

        private void lead(Person person)
        {
            double draw = random.nextDouble();
            Source source = draw < SOURCE_CRM ? Source.ACTIVECAMPAIGN : draw < SOURCE_CRM + SOURCE_FACEBOOK ? Source.FACEBOOK_ADS : Source.GOOGLE_ADS;
            int s = source.ordinal();
            EnumSet<Variation> variations = EnumSet.noneOf(Variation.class);

            // contacts first, so that a lead keeps at least one contact as lead forms require
            boolean hasEmail = person.email != null && chance(EMAIL_PRESENT[s]);
            boolean hasPhone = person.phone != null && chance(PHONE_PRESENT[s]);
            if (!hasEmail && !hasPhone) {
                if (person.email != null && (person.phone == null || chance(0.5))) {
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
            String email = hasEmail ? email(person, variations) : null;
            String phone = hasPhone ? phone(person, source, variations) : null;
            String[] name = name(person, source, variations);

            int producer = chance(0.75) ? person.producer : producer();
            Instant time = WINDOW_START.plusSeconds((long) (random.nextDouble() * Duration.between(WINDOW_START, WINDOW_END).toSeconds()));
            GeneratedLead lead = build(source, name, email, phone, producer, time, person.id, variations);
            leads.add(lead);
            if (source != Source.ACTIVECAMPAIGN && chance(DOUBLE_SUBMIT)) {
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
            String given = pickOf("Teste", "teste", "TESTE", "Teste ");
            String email = chance(0.8) || index % 4 == 3 ? pickOf(JUNK_EMAIL, JUNK_EMAIL, "Teste@teste.com", "TESTE@TESTE.COM") : null;
            String phone = index % 4 != 3 ? pickOf("(11) 99999-9999", "11999999999", "+5511999999999") : null;
            if (email != null) {
                variations.add(Variation.JUNK_EMAIL);
            }
            if (phone != null) {
                variations.add(Variation.JUNK_PHONE);
            }
            Instant time = WINDOW_START.plusSeconds((long) (random.nextDouble() * Duration.between(WINDOW_START, WINDOW_END).toSeconds()));
            leads.add(build(source, new String[] {given, null}, email, phone, producer(), time, "T%06d".formatted(index + 1), variations));
        }

        private GeneratedLead build(Source source, String[] name, String email, String phone, int producer, Instant time, String personId, EnumSet<Variation> variations)
        {
            String producerId = "PRD-%04d".formatted(producer + 1);
            String recordId = recordId(source);
            ImmutableSet<Variation> tags = Sets.immutableEnumSet(variations);
            return switch (source) {
                case ACTIVECAMPAIGN -> {
                    Instant updated = chance(0.6) ? time : time.plusSeconds((long) (random.nextDouble() * Math.min(
                            Duration.ofDays(10).toSeconds(), Duration.between(time, WINDOW_END).toSeconds() - 1)));
                    yield new GeneratedLead(source, recordId, name[0], name[1], crmName(name[0], name[1]), email, phone,
                            producerId, time, updated, null, null, personId, tags);
                }
                case FACEBOOK_ADS -> new GeneratedLead(source, recordId, null, null, fullName(name), email, phone, producerId, time, null,
                        campaignName(producer, time), "1202" + digits(14), personId, tags);
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
                    case FACEBOOK_ADS -> "1" + digits(15);
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
            String kind = september ? pickOf(CAMPAIGN_KINDS) : pickOf(CAMPAIGN_KINDS_OCTOBER);
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

        // ---------------------------------------------------------------- names

        /** The name as written: {given part, surname part}, either may be null. */
        private String[] name(Person person, Source source, EnumSet<Variation> variations)
        {
            int s = source.ordinal();
            double missing = person.kind == Kind.EMAIL_ONLY ? NAME_MISSING_EMAIL_ONLY_PERSON : NAME_MISSING[s];
            if (chance(missing)) {
                variations.add(Variation.NAME_MISSING);
                return new String[] {null, null};
            }
            String given = person.givenNames;
            String surnames = String.join(" ", person.surnames);
            String shortGiven = given.split(" ")[0];
            String shortSurname = person.surnames.getLast();
            boolean shortForm = source == Source.FACEBOOK_ADS ? person.facebookShort : chance(SHORT_NAME[s]);
            if (chance(FIRST_NAME_ONLY[s])) {
                surnames = null;
                variations.add(Variation.FIRST_NAME_ONLY);
            }
            else if (shortForm && !(shortGiven + " " + shortSurname).equals(person.fullName())) {
                given = shortGiven;
                surnames = shortSurname;
                variations.add(Variation.SHORT_NAME);
            }
            if (chance(ACCENTS_DROPPED)) {
                String plainGiven = stripAccents(given);
                String plainSurnames = surnames == null ? null : stripAccents(surnames);
                if (!plainGiven.equals(given) || plainSurnames != null && !plainSurnames.equals(surnames)) {
                    variations.add(Variation.ACCENTS_DROPPED);
                }
                given = plainGiven;
                surnames = plainSurnames;
            }
            double casing = random.nextDouble();
            if (casing < UPPER_CASE) {
                given = given.toUpperCase(Locale.ROOT);
                surnames = surnames == null ? null : surnames.toUpperCase(Locale.ROOT);
                variations.add(Variation.UPPER_CASE);
            }
            else if (casing < UPPER_CASE + LOWER_CASE) {
                given = given.toLowerCase(Locale.ROOT);
                surnames = surnames == null ? null : surnames.toLowerCase(Locale.ROOT);
                variations.add(Variation.LOWER_CASE);
            }
            if (chance(EXTRA_SPACES)) {
                variations.add(Variation.EXTRA_SPACES);
                switch (random.nextInt(3)) {
                    case 0 -> given = " " + given;
                    case 1 -> given = given + " ";
                    default -> given = given.replace(" ", "  ") + (surnames == null ? "  " : "");
                }
            }
            return new String[] {given, surnames};
        }

        // ---------------------------------------------------------------- emails

        private String email(Person person, EnumSet<Variation> variations)
        {
            if (chance(JUNK_EMAIL_USE)) {
                variations.add(Variation.JUNK_EMAIL);
                return pickOf(JUNK_EMAIL, JUNK_EMAIL, JUNK_EMAIL, "Teste@Teste.com", " teste@teste.com");
            }
            String address = person.email;
            if (person.secondEmail != null && chance(SECOND_DETAIL_USE)) {
                address = person.secondEmail;
                variations.add(Variation.SECONDARY_EMAIL);
            }
            else if (person.family.size() > 1 && person.family.getFirst() != person && person.family.getFirst().email != null && chance(FAMILY_EMAIL)) {
                // a parent signing a child (or a spouse) up with the parent's own address
                address = person.family.getFirst().email;
                variations.add(Variation.FAMILY_EMAIL);
            }
            int at = address.indexOf('@');
            String local = address.substring(0, at);
            String domain = address.substring(at + 1);
            if (domain.equals("gmail.com")) {
                if (chance(GMAIL_DOTS)) {
                    String changed = local.contains(".") && chance(0.7) ? local.replace(".", "") : insertDot(local);
                    if (!changed.equals(local)) {
                        local = changed;
                        variations.add(Variation.GMAIL_DOTS);
                    }
                }
                if (chance(GOOGLEMAIL)) {
                    domain = "googlemail.com";
                    variations.add(Variation.GOOGLEMAIL);
                }
            }
            if (PLUS_TAG_PROVIDERS.contains(domain) && chance(PLUS_TAG)) {
                local = local + "+" + pickOf(PLUS_TAGS);
                variations.add(Variation.PLUS_TAG);
            }
            if (chance(EMAIL_TYPO)) {
                String typo = typoDomain(domain);
                if (typo != null) {
                    domain = typo;
                }
                else if (local.length() > 3) {
                    int drop = 1 + random.nextInt(local.length() - 2);
                    local = local.substring(0, drop) + local.substring(drop + 1);
                }
                variations.add(Variation.EMAIL_TYPO);
            }
            address = local + "@" + domain;
            double casing = random.nextDouble();
            if (casing < EMAIL_CAPITALIZED) {
                address = capitalizeWords(address);
                variations.add(Variation.EMAIL_CASE);
            }
            else if (casing < EMAIL_CAPITALIZED + EMAIL_UPPER) {
                address = address.toUpperCase(Locale.ROOT);
                variations.add(Variation.EMAIL_CASE);
            }
            if (chance(EMAIL_SPACES)) {
                address = pickOf(" " + address, address + " ", " " + address + " ");
                variations.add(Variation.EMAIL_SPACES);
            }
            return address;
        }

        private static final Set<String> PLUS_TAG_PROVIDERS = Set.of("gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "hotmail.com.br", "outlook.com.br");

        private String typoDomain(String domain)
        {
            return switch (domain) {
                case "gmail.com" -> pickOf("gmial.com", "gmai.com", "gmail.com.br", "gamil.com", "gmail.co");
                case "hotmail.com" -> pickOf("hotmial.com", "hotmal.com", "hotmail.co", "hotmail.com.br");
                case "outlook.com" -> pickOf("outlok.com", "outloo.com");
                case "yahoo.com.br" -> pickOf("yaho.com.br", "yahoo.com");
                default -> null;
            };
        }

        private String insertDot(String local)
        {
            if (local.length() < 4) {
                return local;
            }
            int position = 1 + random.nextInt(local.length() - 2);
            if (local.charAt(position) == '.' || local.charAt(position - 1) == '.') {
                return local;
            }
            return local.substring(0, position) + "." + local.substring(position);
        }

        private static String capitalizeWords(String address)
        {
            StringBuilder out = new StringBuilder(address.length());
            boolean start = true;
            for (char c : address.toCharArray()) {
                out.append(start ? Character.toUpperCase(c) : c);
                start = c == '.' || c == '@' || c == '_';
            }
            return out.toString();
        }

        // ---------------------------------------------------------------- phones

        private enum PhoneFormat { PARENTHESES, DIGITS, SPACED, INTERNATIONAL_SPACED, E164, COUNTRY_DIGITS, TRUNK, CARRIER }

        private static final double[][] PHONE_FORMAT_WEIGHTS = {
                // PARENTHESES, DIGITS, SPACED, INTERNATIONAL_SPACED, E164, COUNTRY_DIGITS, TRUNK, CARRIER
                {58, 20, 8, 6, 3, 2, 2.5, 0.5},  // CRM: typed by hand
                {0, 5, 0, 20, 75, 0, 0, 0},      // Facebook: mostly E.164
                {25, 25, 3, 20, 25, 2, 0, 0}};   // Google: any

        private String phone(Person person, Source source, EnumSet<Variation> variations)
        {
            int s = source.ordinal();
            if (source == Source.ACTIVECAMPAIGN && chance(CALL_CENTRE)) {
                variations.add(Variation.CALL_CENTRE_PHONE);
                return chance(0.8) ? CALL_CENTRE_PHONE : "1140040000";
            }
            if (chance(JUNK_PHONE_USE)) {
                variations.add(Variation.JUNK_PHONE);
                return pickOf("(11) 99999-9999", "11999999999", "+5511999999999");
            }
            String number = person.phone;
            boolean mobile = !person.landline;
            if (person.secondPhone != null && chance(SECOND_DETAIL_USE)) {
                number = person.secondPhone;
                mobile = true;
                variations.add(Variation.SECONDARY_PHONE);
            }
            else if (person.sharedPhone) {
                variations.add(Variation.SHARED_FAMILY_PHONE);
            }
            if (chance(PHONE_TYPO)) {
                // any digit after the DDD and the mobile 9, changed to another digit
                int position = (mobile ? 4 : 3) + random.nextInt(number.length() - (mobile ? 4 : 3));
                char digit = (char) ('0' + (number.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
                number = number.substring(0, position) + digit + number.substring(position + 1);
                variations.add(Variation.PHONE_TYPO);
            }
            String ddd = number.substring(0, 2);
            String subscriber = number.substring(2);
            if (mobile && chance(MISSING_NINTH_DIGIT[s])) {
                subscriber = subscriber.substring(1);
                variations.add(Variation.MISSING_NINTH_DIGIT);
            }
            String dashed = subscriber.substring(0, subscriber.length() - 4) + "-" + subscriber.substring(subscriber.length() - 4);
            PhoneFormat format = PhoneFormat.values()[pick(PHONE_FORMAT_WEIGHTS[s])];
            switch (format) {
                case INTERNATIONAL_SPACED, E164, COUNTRY_DIGITS -> variations.add(Variation.COUNTRY_CODE);
                case TRUNK -> variations.add(Variation.TRUNK_PREFIX);
                case CARRIER -> variations.add(Variation.CARRIER_CODE);
                default -> {}
            }
            if (format == PhoneFormat.PARENTHESES || format == PhoneFormat.SPACED || format == PhoneFormat.INTERNATIONAL_SPACED || format == PhoneFormat.CARRIER) {
                variations.add(Variation.PHONE_PUNCTUATION);
            }
            return switch (format) {
                case PARENTHESES -> "(" + ddd + ") " + dashed;
                case DIGITS -> ddd + subscriber;
                case SPACED -> ddd + " " + dashed;
                case INTERNATIONAL_SPACED -> "+55 " + ddd + " " + dashed;
                case E164 -> "+55" + ddd + subscriber;
                case COUNTRY_DIGITS -> "55" + ddd + subscriber;
                case TRUNK -> "0" + ddd + subscriber;
                case CARRIER -> "0 " + pickOf("21", "41", "15", "31", "12") + " " + ddd + " " + dashed;
            };
        }

        // ---------------------------------------------------------------- randomness

        private boolean chance(double probability)
        {
            return random.nextDouble() < probability;
        }

        private int producer()
        {
            // a few large producers, many small ones
            return Math.min(PRODUCERS - 1, (int) (PRODUCERS * Math.pow(random.nextDouble(), 2)));
        }

        private String digits(int count)
        {
            StringBuilder digits = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        @SafeVarargs
        private <T> T pickOf(T... values)
        {
            return values[random.nextInt(values.length)];
        }

        private int pick(double[] weights)
        {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            double draw = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                draw -= weights[i];
                if (draw < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private int pickCumulative(double[] cdf)
        {
            double draw = random.nextDouble();
            for (int i = 0; i < cdf.length; i++) {
                if (draw < cdf[i]) {
                    return i;
                }
            }
            return cdf.length - 1;
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
