package dev.vault.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic, hostile inputs for the identity normalizers: accents and ligatures, letters NFKD
 * leaves alone, case traps (ß, İ, final sigma, Kelvin sign), every kind of Unicode space, emoji and
 * other astral code points, digits from other scripts, empty and huge strings, and phone and
 * email formats from the clean to the broken.
 */
public final class TestingIdentityInputs
{
    public record Input(String name, String email, String phone) {}

    private static final String[] NAME_PIECES = {
            "João", "JOSÉ", "maria", "Conceição", "Gonçalves", "Araújo", "D'Ávila", "Sørensen", "Łukasz", "Đorđe", "Ærø",
            "Œuvre", "Straße", "STRASSE", "İstanbul", "ıi", "ΣΊΣΥΦΟΣ", "Ὀδυσσεύς", "ς", "Kelvin", "Ångström", "ﬁne",
            "Ａｎａ", "ｶﾀｶﾅ", "한국어", "Дмитрий", "محمد", "שלום", "李小龙", "😀", "👩‍👩‍👧", "🇧🇷", "e\u0301", "a\u0308\u0301",
            "\u00A0", "\u2007", "\u202F", "\u3000", "\u200B", "\t", "\n", " ", "-", ".", "'", "\"", "|", "\\", "%", "_",
            "Ⅻ", "²", "½", "ǅ", "ǈ", "ŉ", "ĳ", "Þórr", "Ðað", "Ħal", "Ŧa", "Ŀl", "ẞ", "١٢٣", "०१२", "123", "o'neil", "McDonald",
            "\uD835\uDC00", "\uD83D\uDE00x", "ᴬᴮ", "㎏", "℡", "№", "™", "ﷺ", "\uFEFF", "\u2028", "\u0085", "\u000B", "Ⓐ",
    };

    private static final String[] EMAIL_LOCALS = {
            "joao", "Joao.Silva", "joao.silva+promo", "j.o.a.o", "JOAO", "joão", "jo ao", "+tag", ".joao", "joao.",
            "maria_souza-1", "o'neil", "a|b", "x%y", "ｊｏａｏ", "joa\u0301o", "ﬁne", "", "very.long." + "x".repeat(200),
    };

    private static final String[] EMAIL_DOMAINS = {
            "gmail.com", "GMAIL.COM", "googlemail.com", "hotmail.com", "hotmail.com.br", "outlook.com", "live.com", "icloud.com",
            "yahoo.com.br", "uol.com.br", "bol.com.br", "terra.com.br", "proton.me", "empresa.com.br", "localhost", ".com", "com.",
            "gmail..com", "ｇｍａｉｌ.com", "exa mple.com", "", "x.y", "dominio.com@gmail.com",
    };

    private static final String[] PHONE_FORMATS = {
            "(DD) 9NNNN-NNNN", "DD9NNNNNNNN", "+55 DD 9NNNN-NNNN", "+55DD9NNNNNNNN", "0055DD9NNNNNNNN", "0DD9NNNNNNNN",
            "015DD9NNNNNNNN", "(DD) NNNN-NNNN", "DDNNNNNNNN", "+55 (DD) NNNN-NNNN", "55DDNNNNNNNN", "NNNN-NNNN", "9NNNN-NNNN",
            "DD 9NNNN NNNN ramal 12", "tel: DD9NNNNNNNN", "+1 212 555 0100", "+351 912 345 678", "ＤＤ９ＮＮＮＮＮＮＮＮ", "٠٩٨٧٦٥٤٣٢١",
            "DD-9NNNN-NNNN", "  DD9NNNNNNNN  ", "(0DD) 9NNNN-NNNN", "00DD9NNNNNNNN", "DD\u00A09NNNN\u00A0NNNN", "NNNNNNNNNNNNNNNNNNNN", "",
            "55DD9NNNNNNNN", "DD 6NNN-NNNN", "DD 3NNN-NNNN", "DD 1NNN-NNNN", "0DD 6NNN-NNNN", "5555DD9NNNNNNNN",
    };

    private TestingIdentityInputs() {}

    public static List<Input> generate(int count, long seed)
    {
        Random random = new Random(seed);
        List<Input> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(new Input(name(random), email(random), phone(random)));
        }
        return inputs;
    }

    private static String name(Random random)
    {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return null;
        }
        if (roll < 5) {
            return "";
        }
        if (roll < 6) {
            return piece(random, NAME_PIECES).repeat(1000 / 4);
        }
        StringBuilder name = new StringBuilder();
        int words = 1 + random.nextInt(5);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                name.append(random.nextInt(5) == 0 ? piece(random, new String[] {"  ", "\u00A0", "-", " \t ", "\u3000"}) : " ");
            }
            name.append(piece(random, NAME_PIECES));
            if (random.nextInt(4) == 0) {
                name.append(piece(random, NAME_PIECES));
            }
        }
        if (random.nextInt(8) == 0) {
            name.appendCodePoint(0x1F300 + random.nextInt(0x2FF));
        }
        if (random.nextInt(10) == 0) {
            // any BMP code point but surrogates and NUL
            int codePoint;
            do {
                codePoint = 1 + random.nextInt(0xFFFE);
            }
            while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
            name.appendCodePoint(codePoint);
        }
        return random.nextBoolean() ? name.toString() : " " + name + " ";
    }

    private static String email(Random random)
    {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return null;
        }
        if (roll < 7) {
            return "";
        }
        if (roll < 9) {
            return "no-at-sign." + piece(random, EMAIL_DOMAINS);
        }
        String local = piece(random, EMAIL_LOCALS);
        if (random.nextInt(3) == 0) {
            local = local + random.nextInt(1000);
        }
        String email = local + (random.nextInt(30) == 0 ? "@@" : "@") + piece(random, EMAIL_DOMAINS);
        if (random.nextInt(6) == 0) {
            email = email.toUpperCase(Locale.ROOT);
        }
        return random.nextInt(5) == 0 ? piece(random, new String[] {" ", "\u00A0", "\t", "\u2003"}) + email + " " : email;
    }

    private static String phone(Random random)
    {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return null;
        }
        String format = piece(random, PHONE_FORMATS);
        StringBuilder phone = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == 'D') {
                phone.append((char) ('0' + random.nextInt(10)));
            }
            else if (c == 'N') {
                phone.append((char) ('0' + random.nextInt(10)));
            }
            else if (c == 'Ｄ' || c == 'Ｎ') {
                phone.append((char) ('０' + random.nextInt(10)));
            }
            else {
                phone.append(c);
            }
        }
        return phone.toString();
    }

    private static String piece(Random random, String[] pieces)
    {
        return pieces[random.nextInt(pieces.length)];
    }
}
