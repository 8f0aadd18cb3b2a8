package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import net.datafaker.Faker;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * Labelled person records of the two shapes issue 12 measured, made deterministically from a
 * seed (datafaker pt-BR driven by one seeded {@link Random}):
 * <ul>
 * <li>{@link Shape#NAME_DOB_EMAIL}: given name, surname, birth date and email, some with typos;</li>
 * <li>{@link Shape#NAME_DOB_ADDRESS_ID}: given name, surname, birth date, postcode and a 7-digit
 * national id, no email or phone.</li>
 * </ul>
 * Variations per record: name typos (insertion, deletion, substitution, transposition), given
 * name and surname swapped, nicknames, accents and case, birth dates in several layouts and
 * sometimes mistyped, missing and mistyped emails and ids; siblings share a surname, a postcode
 * and sometimes an email, and twins a birth date.
 */
public final class PersonRecordsGenerator
{
    public enum Shape { NAME_DOB_EMAIL, NAME_DOB_ADDRESS_ID }

    public record PersonRecord(String recordId, String truePersonId, String givenName, String surname, String birthDate,
            String email, String postcode, String nationalId, ImmutableSet<String> variations)
    {
        public PersonRecord
        {
            requireNonNull(recordId, "recordId is null");
            requireNonNull(truePersonId, "truePersonId is null");
            requireNonNull(variations, "variations is null");
        }

        /** The full name as a source with one name column would have it. */
        public String name()
        {
            return givenName == null ? surname : surname == null ? givenName : givenName + " " + surname;
        }
    }

    static final double SIBLING = 0.08;
    static final double TWIN = 0.10;                 // of siblings: the same birth date
    static final double FAMILY_EMAIL = 0.30;         // of siblings: the family's email
    static final double NAME_TYPO = 0.20;
    static final double SWAPPED = 0.05;
    static final double NICKNAME = 0.05;
    static final double ACCENTS_DROPPED = 0.15;
    static final double UPPER_CASE = 0.10;
    static final double DATE_TYPO = 0.03;
    static final double EMAIL_MISSING = 0.25;
    static final double EMAIL_TYPO = 0.03;
    static final double ID_MISSING = 0.15;
    static final double ID_TYPO = 0.03;
    static final double POSTCODE_MISSING = 0.15;
    static final double[] RECORDS_PER_PERSON_CDF = {0.35, 0.65, 0.85, 0.95, 1.0};

    private static final String[] PROVIDERS = {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "bol.com.br"};
    private static final String[][] NICKNAMES = {
            {"José", "Zé"}, {"Francisco", "Chico"}, {"Antônio", "Tonho"}, {"Eduardo", "Dudu"}, {"Fernanda", "Nanda"},
            {"Gabriela", "Gabi"}, {"Rafael", "Rafa"}, {"Luiz", "Lula"}, {"Alexandre", "Alex"}, {"Beatriz", "Bia"}};

    private final long seed;

    public PersonRecordsGenerator(long seed)
    {
        this.seed = seed;
    }

    public ImmutableList<PersonRecord> generate(Shape shape, int persons)
    {
        Random random = new Random(seed ^ shape.ordinal());
        Faker faker = new Faker(Locale.of("pt", "BR"), new Random(random.nextLong()));
        List<PersonRecord> records = new ArrayList<>();
        String[] family = null;
        for (int p = 0; p < persons; p++) {
            String personId = "P%07d".formatted(p + 1);
            boolean sibling = family != null && random.nextDouble() < SIBLING;
            String given = faker.name().firstName();
            String surname = sibling ? family[1] : faker.name().lastName();
            LocalDate born = sibling && random.nextDouble() < TWIN ? LocalDate.parse(family[2])
                    : LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 62));
            String postcode = sibling ? family[3] : "%05d-%03d".formatted(random.nextInt(100_000), random.nextInt(1000));
            String email = sibling && random.nextDouble() < FAMILY_EMAIL ? family[4]
                    : "%s.%s%d@%s".formatted(fold(given), fold(surname), random.nextInt(100), PROVIDERS[random.nextInt(PROVIDERS.length)]);
            String nationalId = "%07d".formatted(random.nextInt(10_000_000));
            family = new String[] {given, surname, born.toString(), postcode, email};
            int count = 1;
            double roll = random.nextDouble();
            while (roll > RECORDS_PER_PERSON_CDF[count - 1]) {
                count++;
            }
            for (int r = 0; r < count; r++) {
                records.add(record(random, shape, "R%08d".formatted(records.size() + 1), personId, given, surname, born, postcode, email, nationalId));
            }
        }
        return ImmutableList.copyOf(records);
    }

    private static PersonRecord record(Random random, Shape shape, String recordId, String personId, String given, String surname,
            LocalDate born, String postcode, String email, String nationalId)
    {
        ImmutableSet.Builder<String> variations = ImmutableSet.builder();
        String first = given;
        String last = surname;
        if (random.nextDouble() < NICKNAME) {
            for (String[] nickname : NICKNAMES) {
                if (nickname[0].equals(first)) {
                    first = nickname[1];
                    variations.add("nickname");
                }
            }
        }
        if (random.nextDouble() < NAME_TYPO) {
            boolean inGiven = random.nextBoolean();
            String typo = typo(random, inGiven ? first : last);
            variations.add("name_typo");
            first = inGiven ? typo : first;
            last = inGiven ? last : typo;
        }
        if (random.nextDouble() < ACCENTS_DROPPED) {
            first = fold(first);
            last = fold(last);
            variations.add("accents_dropped");
        }
        if (random.nextDouble() < UPPER_CASE) {
            first = first.toUpperCase(Locale.ROOT);
            last = last.toUpperCase(Locale.ROOT);
            variations.add("upper_case");
        }
        if (random.nextDouble() < SWAPPED) {
            String swap = first;
            first = last;
            last = swap;
            variations.add("swapped");
        }
        LocalDate date = born;
        if (random.nextDouble() < DATE_TYPO) {
            date = random.nextBoolean() && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
                    ? born.withMonth(born.getDayOfMonth()).withDayOfMonth(Math.min(born.getMonthValue(), 28))
                    : born.plusDays(random.nextBoolean() ? 1 : -1);
            variations.add("date_typo");
        }
        String birthDate = switch (random.nextInt(3)) {
            case 0 -> date.toString();
            case 1 -> "%02d/%02d/%04d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
            default -> date.toString().replace("-", "");
        };
        String recordEmail = null;
        String recordPostcode = null;
        String recordNationalId = null;
        if (shape == Shape.NAME_DOB_EMAIL) {
            if (random.nextDouble() < EMAIL_MISSING) {
                variations.add("email_missing");
            }
            else if (random.nextDouble() < EMAIL_TYPO) {
                recordEmail = typo(random, email);
                variations.add("email_typo");
            }
            else {
                recordEmail = random.nextInt(5) == 0 ? email.toUpperCase(Locale.ROOT) : email;
            }
        }
        else {
            if (random.nextDouble() < POSTCODE_MISSING) {
                variations.add("postcode_missing");
            }
            else {
                recordPostcode = random.nextBoolean() ? postcode : postcode.replace("-", "");
            }
            if (random.nextDouble() < ID_MISSING) {
                variations.add("id_missing");
            }
            else if (random.nextDouble() < ID_TYPO) {
                char[] digits = nationalId.toCharArray();
                int position = random.nextInt(digits.length);
                digits[position] = (char) ('0' + (digits[position] - '0' + 1 + random.nextInt(9)) % 10);
                recordNationalId = new String(digits);
                variations.add("id_typo");
            }
            else {
                recordNationalId = random.nextBoolean() ? nationalId : nationalId.substring(0, 6) + "-" + nationalId.substring(6);
            }
        }
        return new PersonRecord(recordId, personId, first, last, birthDate, recordEmail, recordPostcode, recordNationalId, variations.build());
    }

    /** One edit of a word: insertion, deletion, substitution or transposition of a letter (never the first: people get that right). */
    private static String typo(Random random, String word)
    {
        if (word.length() < 3) {
            return word + "a";
        }
        int position = 1 + random.nextInt(word.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, position) + letter + word.substring(position);
            case 1 -> word.substring(0, position) + word.substring(position + 1);
            case 2 -> word.substring(0, position) + letter + word.substring(position + 1);
            default -> word.substring(0, position) + word.charAt(position + 1) + word.charAt(position) + word.substring(position + 2);
        };
    }

    static String fold(String text)
    {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
