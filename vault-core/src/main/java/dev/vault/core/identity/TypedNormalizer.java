package dev.vault.core.identity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizers of the typed key parts ({@link IdentityPartKind}) beyond name, email and phone.
 * Like {@link IdentityNormalizer}, every step is one Trino defines the same way, and the SQL twin
 * in {@code identity.ftl} takes the same steps in the same order: explicit ASCII classes, no
 * {@code \s} or {@code \d}, no end-of-input anchors on text that may hold a line break, no locale.
 * Results are null when nothing usable is left.
 */
public final class TypedNormalizer
{
    /** After leading spaces and tabs, the run of digits and date separators a date is read from; the rest (a time) is ignored. */
    public static final String DATE_RUN = "[0-9./-]*";
    public static final String DATE_YEAR_FIRST = "^([0-9]{4})[./-]([0-9]{1,2})[./-]([0-9]{1,2})$";
    public static final String DATE_DAY_FIRST = "^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$";
    public static final String DATE_COMPACT = "^([0-9]{4})([0-9]{2})([0-9]{2})$";
    public static final int MIN_YEAR = 1800;
    public static final int MAX_YEAR = 2199;

    /** Characters a code is trimmed of: space, tab, line feed, vertical tab, form feed, carriage return. */
    public static final String CODE_TRIM = " \t\n\u000B\f\r";

    /** Trino's soundex() mapping of A..Z; '0' is a vowel (or Y), which separates equal codes. */
    private static final String SOUNDEX_MAPPING = "01230120022455012623010202";

    /**
     * The Portuguese phonetic rules, in order: regular expression and replacement, applied to a
     * normalized name ([a-z0-9] words), so both engines see plain ASCII without line breaks.
     * Silent h, digraphs (ph, lh, nh, ch, sh), letters that sound alike (y/i, w/v, k/q/c before
     * a, o, u; c before e, i and z/s), ou/o, a final m before a consonant as n, and doubled letters once.
     */
    public static final String[][] PHONETIC_PT_RULES = {
            {"ph", "f"},
            {"lh", "li"},
            {"nh", "ni"},
            {"[cs]h", "x"},
            {"h", ""},
            {"y", "i"},
            {"w", "v"},
            {"qu", "k"},
            {"gu([ei])", "g$1"},
            {"c([ei])", "s$1"},
            {"[cq]", "k"},
            {"z", "s"},
            {"ou", "o"},
            {"m([^aeiou]|$)", "n$1"},
            {"([a-z])\\1+", "$1"},
    };

    private static final String DATE_CHARACTERS = "0123456789./-";
    private static final Pattern YEAR_FIRST = Pattern.compile(DATE_YEAR_FIRST);
    private static final Pattern DAY_FIRST = Pattern.compile(DATE_DAY_FIRST);
    private static final Pattern COMPACT = Pattern.compile(DATE_COMPACT);
    private static final Pattern[] PHONETIC_PATTERNS = Arrays.stream(PHONETIC_PT_RULES).map(rule -> Pattern.compile(rule[0])).toArray(Pattern[]::new);
    private static final Pattern SPACES = Pattern.compile("[\\x09-\\x0D\\x20]+");

    private TypedNormalizer() {}

    public static String date(String value)
    {
        if (value == null) {
            return null;
        }
        // leading blanks skipped, then the longest run of date characters: no anchor, since the engines differ on '^' after a line break
        int start = 0;
        while (start < value.length() && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < value.length() && DATE_CHARACTERS.indexOf(value.charAt(end)) >= 0) {
            end++;
        }
        String text = value.substring(start, end);
        int year;
        int month;
        int day;
        Matcher matcher;
        if ((matcher = YEAR_FIRST.matcher(text)).matches()) {
            year = Integer.parseInt(matcher.group(1));
            month = Integer.parseInt(matcher.group(2));
            day = Integer.parseInt(matcher.group(3));
        }
        else if ((matcher = DAY_FIRST.matcher(text)).matches()) {
            year = Integer.parseInt(matcher.group(3));
            month = Integer.parseInt(matcher.group(2));
            day = Integer.parseInt(matcher.group(1));
        }
        else if ((matcher = COMPACT.matcher(text)).matches()) {
            year = Integer.parseInt(matcher.group(1));
            month = Integer.parseInt(matcher.group(2));
            day = Integer.parseInt(matcher.group(3));
        }
        else {
            return null;
        }
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return null;
        }
        return "%04d-%02d-%02d".formatted(year, month, day);
    }

    private static int daysIn(int year, int month)
    {
        boolean leap = year % 4 == 0 && year % 100 != 0 || year % 400 == 0;
        return switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The ASCII digits of the NFKD form (fullwidth and other compatibility digits count). */
    public static String document(String value)
    {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFKD);
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    public static String cpf(String value)
    {
        String digits = padded(document(value), 9, 11);
        if (digits == null
                || checkDigit(digits, 9, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2}) != digits.charAt(9) - '0'
                || checkDigit(digits, 10, new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2}) != digits.charAt(10) - '0') {
            return null;
        }
        return digits;
    }

    public static String cnpj(String value)
    {
        String digits = padded(document(value), 12, 14);
        if (digits == null
                || checkDigit(digits, 12, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) != digits.charAt(12) - '0'
                || checkDigit(digits, 13, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) != digits.charAt(13) - '0') {
            return null;
        }
        return digits;
    }

    /** Digits left-padded with zeros to length when there are at least minimum of them; null for a run of one digit (00000000000). */
    private static String padded(String digits, int minimum, int length)
    {
        if (digits == null || digits.length() < minimum || digits.length() > length) {
            return null;
        }
        String padded = "0".repeat(length - digits.length()) + digits;
        return padded.chars().allMatch(c -> c == padded.charAt(0)) ? null : padded;
    }

    /** The mod-11 check digit of the first count digits: remainder below 2 gives 0, else 11 - remainder. */
    private static int checkDigit(String digits, int count, int[] weights)
    {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    public static String postcode(String value)
    {
        String name = IdentityNormalizer.name(value);
        return name == null ? null : name.replace(" ", "");
    }

    /** NFKD, combining marks dropped, the letter table, per-code-point lower case, runs of ASCII spaces as one space, trimmed. */
    public static String text(String value)
    {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFKD);
        StringBuilder unmarked = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '\u0300' || c > '\u036F') {
                unmarked.append(c);
            }
        }
        String mapped = unmarked.toString();
        for (var entry : IdentityNormalizer.LETTER_MAP.entrySet()) {
            mapped = mapped.replace(entry.getKey(), entry.getValue());
        }
        StringBuilder lower = new StringBuilder(mapped.length());
        mapped.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        String folded = strip(SPACES.matcher(lower).replaceAll(" "), " ");
        return folded.isEmpty() ? null : folded;
    }

    public static String code(String value)
    {
        if (value == null) {
            return null;
        }
        String code = strip(value, CODE_TRIM);
        return code.isEmpty() ? null : code;
    }

    private static String strip(String value, String characters)
    {
        int start = 0;
        int end = value.length();
        while (start < end && characters.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Trino's {@code soundex()} of each word of a normalized name, joined by one space; words
     * without letters (digits) are left out. Trino's ASCII rules: the first letter kept, H and W
     * skipped without separating, vowels (and Y) separating, equal adjacent codes once, padded with 0.
     */
    public static String soundex(String normalizedName)
    {
        if (normalizedName == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : normalizedName.split(" ")) {
            String code = soundexWord(word);
            if (!code.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(code);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    static String soundexWord(String word)
    {
        char[] out = {'0', '0', '0', '0'};
        int count = 0;
        char last = 0;
        for (int i = 0; i < word.length() && count < out.length; i++) {
            char c = word.charAt(i);
            char letter;
            if (c >= 'a' && c <= 'z') {
                letter = (char) (c - ('a' - 'A'));
            }
            else if (c >= 'A' && c <= 'Z') {
                letter = c;
            }
            else {
                continue;
            }
            if (count == 0) {
                out[count++] = letter;
                last = SOUNDEX_MAPPING.charAt(letter - 'A');
                continue;
            }
            if (letter == 'H' || letter == 'W') {
                continue;
            }
            char digit = SOUNDEX_MAPPING.charAt(letter - 'A');
            if (digit != '0' && digit != last) {
                out[count++] = digit;
            }
            last = digit;
        }
        return count == 0 ? "" : new String(out);
    }

    public static String phoneticPt(String normalizedName)
    {
        if (normalizedName == null) {
            return null;
        }
        String code = normalizedName;
        for (int i = 0; i < PHONETIC_PATTERNS.length; i++) {
            code = PHONETIC_PATTERNS[i].matcher(code).replaceAll(PHONETIC_PT_RULES[i][1]);
        }
        return code.isEmpty() ? null : code;
    }

    public static String initialSurname(String normalizedName)
    {
        if (normalizedName == null) {
            return null;
        }
        int space = normalizedName.lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        return normalizedName.charAt(0) + " " + normalizedName.substring(space + 1);
    }

    public static String sortedName(String normalizedName)
    {
        if (normalizedName == null) {
            return null;
        }
        String[] words = normalizedName.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    /**
     * Trino's {@code levenshtein_distance}: insertions, deletions and substitutions of code points,
     * as Trino counts them (a character outside the BMP is one edit, not two UTF-16 units).
     */
    public static int levenshtein(String left, String right)
    {
        int[] a = left.codePoints().toArray();
        int[] b = right.codePoints().toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
