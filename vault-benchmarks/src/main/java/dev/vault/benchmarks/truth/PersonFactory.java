package dev.vault.benchmarks.truth;

import dev.vault.benchmarks.truth.Person.Kind;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static dev.vault.benchmarks.truth.GroundTruthGenerator.CONNECTIVE_SURNAME;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.CONNECTIVE_SURNAMES;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.CORPORATE_WORDS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.DDDS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.DDD_WEIGHTS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.FACEBOOK_SHORT_PROFILE;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.LANDLINE_PERSON;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.PROVIDERS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.PROVIDER_WEIGHTS;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.SECOND_EMAIL_PERSON;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.SECOND_PHONE_PERSON;
import static dev.vault.benchmarks.truth.GroundTruthGenerator.fold;
import static java.util.Objects.requireNonNull;

/**
 * Makes up the true persons of a ground truth: names from datafaker's pt-BR locale, their emails
 * and phones (unique, but for families sharing a phone), second contacts, their usual producer.
 */
final class PersonFactory
{
    private final Random random;
    private final Dice dice;
    private final Faker faker;
    private final Set<String> mailboxes = new HashSet<>();
    private final Set<String> phones;

    /** @param phones the phones given out so far, shared with the variations that make up new ones */
    PersonFactory(Random random, Dice dice, Faker faker, Set<String> phones)
    {
        this.random = requireNonNull(random, "random is null");
        this.dice = requireNonNull(dice, "dice is null");
        this.faker = requireNonNull(faker, "faker is null");
        this.phones = requireNonNull(phones, "phones is null");
    }

    Person newPerson(int index, Kind kind)
    {
        Person person = new Person();
        person.id = "P%07d".formatted(index + 1);
        person.kind = kind;
        person.givenNames = faker.name().firstName();
        int surnames = dice.pick(new double[] {40, 50, 10}) + 1;
        person.surnames = new ArrayList<>();
        while (person.surnames.size() < surnames) {
            String surname = faker.name().lastName();
            if (!person.surnames.contains(surname)) {
                person.surnames.add(surname);
            }
        }
        if (dice.chance(CONNECTIVE_SURNAME)) {
            person.surnames.set(person.surnames.size() - 1, dice.pickOf(CONNECTIVE_SURNAMES));
        }
        completePerson(person);
        return person;
    }

    Person newFamilyMember(int index, Person head, List<Person> family)
    {
        Person member = new Person();
        member.id = "P%07d".formatted(index + 1);
        member.kind = dice.chance(0.6) ? Kind.FULL : Kind.PHONE_ONLY;
        String given;
        do {
            given = faker.name().firstName();
        }
        while (sameGivenName(given, family));
        member.givenNames = given;
        member.surnames = new ArrayList<>();
        if (dice.chance(0.5)) {
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
        person.producer = dice.producer();
        person.facebookShort = dice.chance(FACEBOOK_SHORT_PROFILE);
        if (person.kind != Kind.PHONE_ONLY) {
            person.email = newEmail(person);
            if (dice.chance(SECOND_EMAIL_PERSON)) {
                person.secondEmail = newEmail(person);
            }
        }
        if (person.kind != Kind.EMAIL_ONLY) {
            if (person.phone == null) {
                person.landline = dice.chance(LANDLINE_PERSON);
                person.phone = newPhone(person.landline);
            }
            if (dice.chance(SECOND_PHONE_PERSON)) {
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
        String provider = PROVIDERS[dice.pick(PROVIDER_WEIGHTS)];
        String domain = provider.equals("corporate")
                ? fold(faker.name().lastName()).replace(" ", "") + dice.pickOf(CORPORATE_WORDS) + ".com.br"
                : provider;
        String local = switch (dice.pick(new double[] {22, 12, 6, 14, 12, 8, 10, 6, 5, 5})) {
            case 0 -> first + "." + last;
            case 1 -> first + last;
            case 2 -> first + "_" + last;
            case 3 -> first + "." + last + dice.digits(2);
            case 4 -> first + last + dice.digits(3);
            case 5 -> first.charAt(0) + last;
            case 6 -> first + (1960 + random.nextInt(49));
            case 7 -> middle != null ? first + "." + middle + "." + last : first + "." + last + dice.digits(1);
            case 8 -> last + "." + first;
            default -> first + dice.digits(2);
        };
        String address = local + "@" + domain;
        while (!mailboxes.add(mailbox(address))) {
            address = local + dice.digits(2 + random.nextInt(3)) + "@" + domain;
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

    String newPhone(boolean landline)
    {
        while (true) {
            String ddd = Integer.toString(DDDS[dice.pick(DDD_WEIGHTS)]);
            String phone = landline
                    ? ddd + (2 + random.nextInt(4)) + dice.digits(7)
                    : ddd + "9" + (6 + random.nextInt(4)) + dice.digits(7);
            if (phones.add(phone)) {
                return phone;
            }
        }
    }
}
