package dev.vault.benchmarks.truth;

import dev.vault.benchmarks.truth.Person.Kind;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static dev.vault.benchmarks.truth.GroundTruthGenerator.ACCENTS_DROPPED;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.CALL_CENTRE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.CALL_CENTRE_PHONE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.EMAIL_CAPITALIZED;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.EMAIL_SPACES;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.EMAIL_TYPO;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.EMAIL_UPPER;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.EXTRA_SPACES;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.FAMILY_EMAIL;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.FIRST_NAME_ONLY;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.GMAIL_DOTS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.GOOGLEMAIL;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.JUNK_EMAIL;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.JUNK_EMAIL_USE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.JUNK_PHONE_USE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.LOWER_CASE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.MISSING_NINTH_DIGIT;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.NAME_MISSING;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.NAME_MISSING_EMAIL_ONLY_PERSON;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.PHONE_TYPO;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.PLUS_TAG;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.PLUS_TAGS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.SECOND_DETAIL_USE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.SHORT_NAME;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.UPPER_CASE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.stripAccents;
import static java.util.Objects.requireNonNull;

/**
 * How a lead writes its person's name, email and phone: the variations real lead data has (accents,
 * case, short names, Gmail dots and +tags, phone formats, typos, junk values), each recorded as
 * a {@link Variation} of the lead.
 */
final class LeadVariations
{
    private final Random random;
    private final Dice dice;
    private final Set<String> phones;

    LeadVariations(Random random, Dice dice, Set<String> phones)
    {
        this.random = requireNonNull(random, "random is null");
        this.dice = requireNonNull(dice, "dice is null");
        this.phones = requireNonNull(phones, "phones is null");
    }

    /** The name as written: {given part, surname part}, either may be null. */
    String[] name(Person person, Source source, EnumSet<Variation> variations)
    {
        int s = source.ordinal();
        double missing = person.kind == Kind.EMAIL_ONLY ? NAME_MISSING_EMAIL_ONLY_PERSON : NAME_MISSING[s];
        if (dice.chance(missing)) {
            variations.add(Variation.NAME_MISSING);
            return new String[] {null, null};
        }
        String given = person.givenNames;
        String surnames = String.join(" ", person.surnames);
        String shortGiven = given.split(" ")[0];
        String shortSurname = person.surnames.getLast();
        boolean shortForm = source == Source.FACEBOOK_ADS ? person.facebookShort : dice.chance(SHORT_NAME[s]);
        if (dice.chance(FIRST_NAME_ONLY[s])) {
            surnames = null;
            variations.add(Variation.FIRST_NAME_ONLY);
        }
        else if (shortForm && !(shortGiven + " " + shortSurname).equals(person.fullName())) {
            given = shortGiven;
            surnames = shortSurname;
            variations.add(Variation.SHORT_NAME);
        }
        if (dice.chance(ACCENTS_DROPPED)) {
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
        if (dice.chance(EXTRA_SPACES)) {
            variations.add(Variation.EXTRA_SPACES);
            switch (random.nextInt(3)) {
                case 0 -> given = " " + given;
                case 1 -> given = given + " ";
                default -> given = given.replace(" ", "  ") + (surnames == null ? "  " : "");
            }
        }
        return new String[] {given, surnames};
    }

    String email(Person person, EnumSet<Variation> variations)
    {
        if (dice.chance(JUNK_EMAIL_USE)) {
            variations.add(Variation.JUNK_EMAIL);
            return dice.pickOf(JUNK_EMAIL, JUNK_EMAIL, JUNK_EMAIL, "Teste@Teste.com", " teste@teste.com");
        }
        String address = person.email;
        if (person.secondEmail != null && dice.chance(SECOND_DETAIL_USE)) {
            address = person.secondEmail;
            variations.add(Variation.SECONDARY_EMAIL);
        }
        else if (person.family.size() > 1 && person.family.getFirst() != person && person.family.getFirst().email != null && dice.chance(FAMILY_EMAIL)) {
            // a parent signing a child (or a spouse) up with the parent's own address
            address = person.family.getFirst().email;
            variations.add(Variation.FAMILY_EMAIL);
        }
        int at = address.indexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (domain.equals("gmail.com")) {
            if (dice.chance(GMAIL_DOTS)) {
                String changed = local.contains(".") && dice.chance(0.7) ? local.replace(".", "") : insertDot(local);
                if (!changed.equals(local)) {
                    local = changed;
                    variations.add(Variation.GMAIL_DOTS);
                }
            }
            if (dice.chance(GOOGLEMAIL)) {
                domain = "googlemail.com";
                variations.add(Variation.GOOGLEMAIL);
            }
        }
        if (PLUS_TAG_PROVIDERS.contains(domain) && dice.chance(PLUS_TAG)) {
            local = local + "+" + dice.pickOf(PLUS_TAGS);
            variations.add(Variation.PLUS_TAG);
        }
        if (dice.chance(EMAIL_TYPO)) {
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
        if (dice.chance(EMAIL_SPACES)) {
            address = dice.pickOf(" " + address, address + " ", " " + address + " ");
            variations.add(Variation.EMAIL_SPACES);
        }
        return address;
    }

    private static final Set<String> PLUS_TAG_PROVIDERS = Set.of("gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "hotmail.com.br", "outlook.com.br");

    private String typoDomain(String domain)
    {
        return switch (domain) {
            case "gmail.com" -> dice.pickOf("gmial.com", "gmai.com", "gmail.com.br", "gamil.com", "gmail.co");
            case "hotmail.com" -> dice.pickOf("hotmial.com", "hotmal.com", "hotmail.co", "hotmail.com.br");
            case "outlook.com" -> dice.pickOf("outlok.com", "outloo.com");
            case "yahoo.com.br" -> dice.pickOf("yaho.com.br", "yahoo.com");
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

    private enum PhoneFormat { PARENTHESES, DIGITS, SPACED, INTERNATIONAL_SPACED, E164, COUNTRY_DIGITS, TRUNK, CARRIER }

    private static final double[][] PHONE_FORMAT_WEIGHTS = {
            // PARENTHESES, DIGITS, SPACED, INTERNATIONAL_SPACED, E164, COUNTRY_DIGITS, TRUNK, CARRIER
            {58, 20, 8, 6, 3, 2, 2.5, 0.5},  // CRM: typed by hand
            {0, 5, 0, 20, 75, 0, 0, 0},      // Facebook: mostly E.164
            {25, 25, 3, 20, 25, 2, 0, 0}};   // Google: any

    String phone(Person person, Source source, EnumSet<Variation> variations)
    {
        int s = source.ordinal();
        if (source == Source.ACTIVECAMPAIGN && dice.chance(CALL_CENTRE)) {
            variations.add(Variation.CALL_CENTRE_PHONE);
            return dice.chance(0.8) ? CALL_CENTRE_PHONE : "1140040000";
        }
        if (dice.chance(JUNK_PHONE_USE)) {
            variations.add(Variation.JUNK_PHONE);
            return dice.pickOf("(11) 99999-9999", "11999999999", "+5511999999999");
        }
        String number = person.phone;
        boolean mobile = !person.landline;
        if (person.secondPhone != null && dice.chance(SECOND_DETAIL_USE)) {
            number = person.secondPhone;
            mobile = true;
            variations.add(Variation.SECONDARY_PHONE);
        }
        else if (person.sharedPhone) {
            variations.add(Variation.SHARED_FAMILY_PHONE);
        }
        if (dice.chance(PHONE_TYPO)) {
            // any digit after the DDD and the mobile 9, changed to another digit
            int position = (mobile ? 4 : 3) + random.nextInt(number.length() - (mobile ? 4 : 3));
            char digit = (char) ('0' + (number.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
            number = number.substring(0, position) + digit + number.substring(position + 1);
            variations.add(Variation.PHONE_TYPO);
        }
        String ddd = number.substring(0, 2);
        String subscriber = number.substring(2);
        if (mobile && dice.chance(MISSING_NINTH_DIGIT[s])) {
            subscriber = subscriber.substring(1);
            variations.add(Variation.MISSING_NINTH_DIGIT);
        }
        String dashed = subscriber.substring(0, subscriber.length() - 4) + "-" + subscriber.substring(subscriber.length() - 4);
        PhoneFormat format = PhoneFormat.values()[dice.pick(PHONE_FORMAT_WEIGHTS[s])];
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
            case CARRIER -> "0 " + dice.pickOf("21", "41", "15", "31", "12") + " " + ddd + " " + dashed;
        };
    }
}
