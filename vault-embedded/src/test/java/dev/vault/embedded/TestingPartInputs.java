package dev.vault.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic, hostile raw values for the typed key parts: dates in every common layout, with
 * times, impossible days, leap days and line breaks; documents with punctuation, fullwidth and
 * Arabic-Indic digits, valid and broken CPFs and CNPJs, runs of one digit; postcodes; codes and
 * text with '|', '\', Unicode spaces and control characters; and the names, emails and phones of
 * {@link TestingIdentityInputs}. Every kind is computed on every value.
 */
public final class TestingPartInputs
{
    private static final String[] DATE_LAYOUTS = {
            "Y-M-D", "Y/M/D", "Y.M.D", "D/M/Y", "D-M-Y", "D.M.Y", "YMD", "Y-M-DT10:15:00Z", "D/M/Y 10:15", "Y-M-D 00:00:00.000",
            " D/M/Y", "\tY-M-D", "\nY-M-D", "Y-M-D\n", "Y--M-D", "D/M/Y/", "M/D/Y", "Y-M", "D/M/YY", "YMD1", "Y-M-D-1", "data: D/M/Y",
            "Ｙ-Ｍ-Ｄ", "", " ", "-", "..", "0/0/0", "00000000", "99999999",
    };
    private static final String[] SEPARATORS = {"", ".", "-", "/", " ", "\u00A0", ".-/", "\t", "\n", "|", "\\"};
    private static final String[] CODES = {
            "ABC-123", " abc-123 ", "a|b", "a\\b", "|", "\\", "\\|", "x\u00A0", "\u3000y", "\u000Bz\u000C", "\r\nq\r\n", "Ⅻ", "ß", "İ",
            "ΣΊΣΥΦΟΣ", "😀|😀", "e\u0301", "é", "Straße  Nº 12", "Rua  da  Conceição,\t 45", "apto 12 | bloco B",
    };

    private TestingPartInputs() {}

    public static List<String> generate(int count, long seed)
    {
        Random random = new Random(seed);
        List<TestingIdentityInputs.Input> people = TestingIdentityInputs.generate(count / 5 + 1, seed + 1);
        List<String> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TestingIdentityInputs.Input person = people.get(i / 5);
            inputs.add(switch (i % 10) {
                case 0 -> person.name();
                case 1 -> person.email();
                case 2 -> person.phone();
                case 3, 4 -> date(random);
                case 5 -> cpf(random);
                case 6 -> cnpj(random);
                case 7 -> digits(random, 1 + random.nextInt(20));
                case 8 -> code(random);
                default -> random.nextInt(5) == 0 ? null : person.name() == null ? code(random) : person.name() + piece(random, CODES);
            });
        }
        return inputs;
    }

    private static String date(Random random)
    {
        String layout = piece(random, DATE_LAYOUTS);
        int year = switch (random.nextInt(6)) {
            case 0 -> 1700 + random.nextInt(600);
            case 1 -> random.nextBoolean() ? 1900 : 2000;
            default -> 1930 + random.nextInt(95);
        };
        int month = random.nextInt(8) == 0 ? random.nextInt(15) : 1 + random.nextInt(12);
        int day = random.nextInt(8) == 0 ? random.nextInt(33) : 1 + random.nextInt(28);
        if (random.nextInt(10) == 0) {
            month = 2;
            day = 29;
        }
        boolean padded = random.nextBoolean();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'Y' -> out.append(layout.startsWith("D/M/YY") ? "%02d".formatted(year % 100) : "%04d".formatted(year));
                case 'M' -> out.append(padded || layout.contains("YMD") ? "%02d".formatted(month) : Integer.toString(month));
                case 'D' -> out.append(padded || layout.contains("YMD") ? "%02d".formatted(day) : Integer.toString(day));
                case 'Ｙ' -> out.append(fullwidth("%04d".formatted(year)));
                case 'Ｍ' -> out.append(fullwidth("%02d".formatted(month)));
                case 'Ｄ' -> out.append(fullwidth("%02d".formatted(day)));
                default -> out.append(c);
            }
        }
        return layout.equals("D/M/YY") ? out.substring(0, out.length() - 1) : out.toString();
    }

    private static String cpf(Random random)
    {
        int[] digits = new int[11];
        for (int i = 0; i < 9; i++) {
            digits[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
        }
        digits[9] = check(digits, 9, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2});
        digits[10] = check(digits, 10, new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2});
        return formatted(random, digits, "NNN.NNN.NNN-NN");
    }

    private static String cnpj(Random random)
    {
        int[] digits = new int[14];
        for (int i = 0; i < 12; i++) {
            digits[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
        }
        digits[12] = check(digits, 12, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        digits[13] = check(digits, 13, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        return formatted(random, digits, "NN.NNN.NNN/NNNN-NN");
    }

    private static int check(int[] digits, int count, int[] weights)
    {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }

    private static String formatted(Random random, int[] digits, String layout)
    {
        int roll = random.nextInt(10);
        if (roll == 0) {
            // a typo: one digit changed
            int position = random.nextInt(digits.length);
            digits[position] = (digits[position] + 1 + random.nextInt(9)) % 10;
        }
        else if (roll == 1) {
            Arrays.fill(digits, random.nextInt(10));
        }
        StringBuilder plain = new StringBuilder();
        for (int digit : digits) {
            plain.append(digit);
        }
        String text = roll == 2 ? plain.toString().replaceFirst("^0+", "") : plain.toString();
        if (roll == 3 || roll == 4) {
            StringBuilder out = new StringBuilder();
            int next = 0;
            for (int i = 0; i < layout.length() && next < plain.length(); i++) {
                out.append(layout.charAt(i) == 'N' ? plain.charAt(next++) : layout.charAt(i));
            }
            text = out.toString();
        }
        if (roll == 5) {
            text = fullwidth(text);
        }
        if (roll == 6) {
            text = text.substring(0, text.length() - 1 - random.nextInt(3));
        }
        return random.nextInt(6) == 0 ? piece(random, SEPARATORS) + text + piece(random, SEPARATORS) : text;
    }

    private static String digits(Random random, int length)
    {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
            if (random.nextInt(4) == 0) {
                out.append(piece(random, SEPARATORS));
            }
        }
        return random.nextInt(8) == 0 ? out.toString().toUpperCase(Locale.ROOT) + "-sp" : out.toString();
    }

    private static String code(Random random)
    {
        StringBuilder out = new StringBuilder(piece(random, CODES));
        while (random.nextInt(3) == 0) {
            out.append(piece(random, SEPARATORS)).append(piece(random, CODES));
        }
        return out.toString();
    }

    private static String fullwidth(String text)
    {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : (char) c));
        return out.toString();
    }

    private static String piece(Random random, String[] pieces)
    {
        return pieces[random.nextInt(pieces.length)];
    }
}
