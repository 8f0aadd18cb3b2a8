package dev.vault.benchmarks.truth;

import java.util.List;

/** A made-up true person: what every lead of theirs is a variation of. */
final class Person
{
    enum Kind { FULL, PHONE_ONLY, EMAIL_ONLY }

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
