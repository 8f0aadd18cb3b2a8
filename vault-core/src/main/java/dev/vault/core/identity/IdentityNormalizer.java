package dev.vault.core.identity;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.text.Normalizer;

/**
 * Normalizes names, emails and phones exactly as the SQL twin in vault-sql does on Trino
 * ({@code identity.ftl}), so that keys computed here and in the warehouse are identical byte for
 * byte. Every step is one both sides define the same way: Unicode NFKD (java.text.Normalizer on
 * both), removal of the combining marks U+0300..U+036F, an explicit table for letters NFKD
 * leaves alone (ø, ł, đ, æ, ß, ...), per-code-point lower case ({@link Character#toLowerCase(int)},
 * which Trino's lower() uses), and ASCII character classes. Results are ASCII or null.
 */
public final class IdentityNormalizer
{
    /** Letters NFKD does not decompose, in the order the SQL twin replaces them. */
    public static final ImmutableMap<String, String> LETTER_MAP = ImmutableMap.<String, String>builder()
            .put("æ", "ae").put("Æ", "AE").put("œ", "oe").put("Œ", "OE")
            .put("ß", "ss").put("ẞ", "SS").put("þ", "th").put("Þ", "TH")
            .put("ø", "o").put("Ø", "O").put("ł", "l").put("Ł", "L")
            .put("đ", "d").put("Đ", "D").put("ð", "d").put("Ð", "D")
            .put("ı", "i").put("ħ", "h").put("Ħ", "H").put("ŧ", "t").put("Ŧ", "T")
            .buildOrThrow();

    /** Characters kept in an email after lower-casing; anything else (spaces included) is dropped. '|' is left out on purpose. */
    public static final String EMAIL_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{}~@-";

    /** Providers that ignore dots in the local part; mail to googlemail.com is gmail.com. */
    public static final ImmutableSet<String> DOTLESS_DOMAINS = ImmutableSet.of("gmail.com", "googlemail.com");

    /** Providers that deliver local+tag@domain to local@domain. Never the dots rule: hotmail.com.br keeps its dots. */
    public static final ImmutableSet<String> PLUS_TAG_DOMAINS = ImmutableSet.of(
            "gmail.com", "googlemail.com",
            "outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.com.br", "hotmail.com.br", "live.com.br",
            "icloud.com", "me.com", "mac.com",
            "fastmail.com", "fastmail.fm",
            "protonmail.com", "protonmail.ch", "proton.me", "pm.me");

    // the folded form of each BMP character, filled on first use; characters fold independently (see name())
    private static final String[] FOLDED = new String[Character.MAX_VALUE + 1];

    private IdentityNormalizer() {}

    /**
     * Letters and digits of a name in lower-case ASCII, words separated by one space; null when
     * nothing is left. "  José  D'Ávila-Sørensen " becomes "jose d avila sorensen".
     */
    public static String name(String name)
    {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            i += Character.charCount(codePoint);
            String folded = fold(codePoint);
            for (int j = 0; j < folded.length(); j++) {
                char c = folded.charAt(j);
                if (c == ' ') {
                    pendingSpace = true;
                }
                else {
                    if (pendingSpace && !out.isEmpty()) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.append(c);
                }
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * The whole name pipeline applied to one code point: NFKD, drop U+0300..U+036F, the letter
     * table, lower case, and every character that is not [a-z0-9] becomes a space. Applying it
     * per character gives the same result as applying it to the string, because NFKD only
     * reorders combining marks, and marks all end up removed or as spaces.
     */
    static String fold(int codePoint)
    {
        if (codePoint < FOLDED.length) {
            String cached = FOLDED[codePoint];
            if (cached == null) {
                cached = foldUncached(codePoint);
                FOLDED[codePoint] = cached;
            }
            return cached;
        }
        return foldUncached(codePoint);
    }

    private static String foldUncached(int codePoint)
    {
        String text = stripMarks(Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD));
        text = mapLetters(text);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(c -> out.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? (char) c : ' '));
        return out.toString();
    }

    /**
     * Lower case, without spaces or characters invalid in an address, provider rules applied
     * (Gmail ignores dots and +tags; Outlook, iCloud, Fastmail and Proton ignore +tags). Null
     * unless it looks like local@domain.tld.
     */
    public static String email(String email)
    {
        if (email == null) {
            return null;
        }
        String text = email;
        if (!isAscii(text)) {
            text = stripMarks(Normalizer.normalize(text, Normalizer.Form.NFKD));
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.toLowerCase(text.codePointAt(i));
            i += Character.charCount(text.codePointAt(i));
            if (codePoint < 128 && EMAIL_CHARACTERS.indexOf(codePoint) >= 0) {
                kept.append((char) codePoint);
            }
        }
        String address = kept.toString();
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return null;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.');
        if (dot <= 0 || domain.endsWith(".")) {
            return null;
        }
        if (PLUS_TAG_DOMAINS.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(0, plus);
            }
        }
        if (DOTLESS_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local.isEmpty() ? null : local + "@" + domain;
    }

    /**
     * A phone as the digits a person would dial at home. For Brazil ({@code BR}): the national
     * number, DDD + subscriber, with the mobile ninth digit restored on old 10-digit mobiles;
     * international (00), country (55), trunk (0) and carrier (0xx) prefixes removed; null
     * unless it is a valid landline (10 digits) or mobile (11 digits). Other countries: the
     * digits, without an international 00 prefix, when there are 8 to 15 of them.
     */
    public static String phone(String phone, String country)
    {
        if (phone == null) {
            return null;
        }
        String text = isAscii(phone) ? phone : Normalizer.normalize(phone, Normalizer.Form.NFKD);
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String number = digits.toString();
        if (number.startsWith("00")) {
            number = number.substring(2);
        }
        if (!country.equals("BR")) {
            return number.length() >= 8 && number.length() <= 15 ? number : null;
        }
        if ((number.length() == 12 || number.length() == 13) && number.startsWith("55")) {
            number = number.substring(2);
        }
        else if ((number.length() == 11 || number.length() == 12) && number.startsWith("0")) {
            number = number.substring(1);
        }
        else if ((number.length() == 13 || number.length() == 14) && number.startsWith("0")) {
            number = number.substring(3);
        }
        if (number.length() == 10 && number.charAt(2) >= '6') {
            number = number.substring(0, 2) + "9" + number.substring(2);
        }
        boolean validAreaCode = number.length() >= 2 && number.charAt(0) >= '1' && number.charAt(1) >= '1';
        if (!validAreaCode) {
            return null;
        }
        if (number.length() == 11 && number.charAt(2) == '9') {
            return number;
        }
        if (number.length() == 10 && number.charAt(2) >= '2' && number.charAt(2) <= '5') {
            return number;
        }
        return null;
    }

    private static String stripMarks(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '\u0300' || c > '\u036F') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String mapLetters(String text)
    {
        String mapped = text;
        for (var entry : LETTER_MAP.entrySet()) {
            if (mapped.contains(entry.getKey())) {
                mapped = mapped.replace(entry.getKey(), entry.getValue());
            }
        }
        return mapped;
    }

    private static boolean isAscii(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
