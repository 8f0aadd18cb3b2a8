package dev.vault.benchmarks.truth;

/**
 * What the generator did to a lead, compared with its person's canonical details. Kept on every
 * generated lead (never written to the source CSVs) so that the quality report can say which
 * variations the misses and false merges come from.
 */
public enum Variation
{
    // names
    /** Accents dropped ("Joao" for "João"). */
    ACCENTS_DROPPED,
    /** Whole name in upper case. */
    UPPER_CASE,
    /** Whole name in lower case. */
    LOWER_CASE,
    /** Leading, trailing or doubled spaces in the name. */
    EXTRA_SPACES,
    /** First given name and last surname only ("Maria Lima" for "Maria Eduarda Souza Lima"). */
    SHORT_NAME,
    /** Given name(s) only, no surname. */
    FIRST_NAME_ONLY,
    /** No name at all. */
    NAME_MISSING,

    // emails
    /** The person has an email but this lead carries none. */
    EMAIL_MISSING,
    /** Capitalized or upper-case address. */
    EMAIL_CASE,
    /** Leading or trailing spaces around the address. */
    EMAIL_SPACES,
    /** Gmail local part with dots added or removed (same mailbox). */
    GMAIL_DOTS,
    /** A +tag on a provider that ignores it (same mailbox). */
    PLUS_TAG,
    /** googlemail.com instead of gmail.com (same mailbox). */
    GOOGLEMAIL,
    /** A typo in the address: a different, usually dead, mailbox. */
    EMAIL_TYPO,
    /** The person's second address (work, old). */
    SECONDARY_EMAIL,
    /** A family member's address given with this person's name (a parent signing a child up). */
    FAMILY_EMAIL,
    /** A junk address ('teste@teste.com') instead of the real one. */
    JUNK_EMAIL,

    // phones
    /** The person has a phone but this lead carries none. */
    PHONE_MISSING,
    /** Written with the country code, +55 or 55. */
    COUNTRY_CODE,
    /** Written with parentheses, spaces or dashes. */
    PHONE_PUNCTUATION,
    /** An old-style 8-digit mobile, without the ninth digit. */
    MISSING_NINTH_DIGIT,
    /** Written with the trunk prefix 0 ("011 ..."). */
    TRUNK_PREFIX,
    /** Written with a trunk prefix and a carrier code ("0 21 11 ..."). */
    CARRIER_CODE,
    /** One digit wrong: a different number. */
    PHONE_TYPO,
    /** The person's second phone. */
    SECONDARY_PHONE,
    /** A phone shared by the family (different first names, same surname). */
    SHARED_FAMILY_PHONE,
    /** A junk phone ('11999999999') instead of the real one. */
    JUNK_PHONE,
    /** Registered by a call centre, which wrote its own phone. */
    CALL_CENTRE_PHONE,

    // records
    /** A producer's test submission (name 'Teste', junk email and phone); its own true person. */
    TEST_SUBMISSION,
    /** A form submitted twice: a second record with the same details. */
    DOUBLE_SUBMIT
}
