package dev.vault.core.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normalization rules of shared/design/IDENTITY.md: names are NFKD, without the combining
 * marks U+0300..U+036F, with ø/ł/đ/æ/œ/ß/þ mapped, lower-case [a-z0-9] words separated by one
 * space; emails are trimmed, lower-cased, with provider rules for dots and +tags; Brazilian
 * phones are the national number DDD + subscriber.
 */
class TestIdentityNormalizer
{
    // ---------------------------------------------------------------- names

    @Test
    void nameLosesAccentsAndCase()
    {
        assertThat(IdentityNormalizer.name("João Conceição")).isEqualTo("joao conceicao");
        assertThat(IdentityNormalizer.name("JOSÉ ANTÔNIO")).isEqualTo("jose antonio");
        assertThat(IdentityNormalizer.name("Müller Ñúñez Çelik Å")).isEqualTo("muller nunez celik a");
        // a decomposed accent (e + U+0301) is the same as the precomposed é
        assertThat(IdentityNormalizer.name("Jose\u0301")).isEqualTo("jose");
        assertThat(IdentityNormalizer.name("Jos\u00E9")).isEqualTo("jose");
    }

    @Test
    void nameMapsLettersThatNfkdLeavesAlone()
    {
        assertThat(IdentityNormalizer.name("Søren")).isEqualTo("soren");
        assertThat(IdentityNormalizer.name("ØSTERGAARD")).isEqualTo("ostergaard");
        assertThat(IdentityNormalizer.name("Łukasz Wałęsa")).isEqualTo("lukasz walesa");
        assertThat(IdentityNormalizer.name("Đorđe Đoković")).isEqualTo("dorde dokovic");
        assertThat(IdentityNormalizer.name("Æsa Dæhli")).isEqualTo("aesa daehli");
        assertThat(IdentityNormalizer.name("Œdipe Cœur")).isEqualTo("oedipe coeur");
        assertThat(IdentityNormalizer.name("Straße")).isEqualTo("strasse");
        assertThat(IdentityNormalizer.name("GROẞE")).isEqualTo("grosse");
        assertThat(IdentityNormalizer.name("Þór Þorsteinsson")).isEqualTo("thor thorsteinsson");
        assertThat(IdentityNormalizer.name("Guðrún")).isEqualTo("gudrun");
        assertThat(IdentityNormalizer.name("Iğdır")).isEqualTo("igdir");
        assertThat(IdentityNormalizer.name("Ħal Ġħaxaq")).isEqualTo("hal ghaxaq");
        // Ǿ is Ø + acute: NFKD splits it, the mark goes, the table maps Ø
        assertThat(IdentityNormalizer.name("Ǿrsted")).isEqualTo("orsted");
    }

    @Test
    void nameLowerCasesTheTurkishDottedCapitalI()
    {
        // İ is I + U+0307 under NFKD; the dot is a combining mark and goes
        assertThat(IdentityNormalizer.name("İstanbul")).isEqualTo("istanbul");
        assertThat(IdentityNormalizer.name("İSTANBUL")).isEqualTo("istanbul");
        assertThat(IdentityNormalizer.name("ALİ")).isEqualTo("ali");
    }

    @Test
    void nameDropsNonLatinScripts()
    {
        assertThat(IdentityNormalizer.name("Νίκος Παπαδόπουλος")).isNull();
        assertThat(IdentityNormalizer.name("ΣΩΚΡΆΤΗΣ")).isNull();
        assertThat(IdentityNormalizer.name("Дмитрий Иванов")).isNull();
        assertThat(IdentityNormalizer.name("山田太郎")).isNull();
        assertThat(IdentityNormalizer.name("محمد")).isNull();
        assertThat(IdentityNormalizer.name("김민준")).isNull();
        // the Latin words of a mixed name stay
        assertThat(IdentityNormalizer.name("Nikos Νίκος Papadopoulos")).isEqualTo("nikos papadopoulos");
        assertThat(IdentityNormalizer.name("Ivan (Иван) Petrov")).isEqualTo("ivan petrov");
    }

    @Test
    void nameTreatsEveryKindOfSpaceAsOneSeparator()
    {
        assertThat(IdentityNormalizer.name("Ana\u00A0Maria")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("Ana\u3000Maria")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("Ana\tMaria")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("Ana\nMaria\r\n")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("\u2003Ana \u00A0\t\n \u3000 Maria  da   Silva\u00A0")).isEqualTo("ana maria da silva");
        assertThat(IdentityNormalizer.name("   José   ")).isEqualTo("jose");
    }

    @Test
    void namePunctuationSeparatesWords()
    {
        assertThat(IdentityNormalizer.name("D'Ávila-Sørensen")).isEqualTo("d avila sorensen");
        assertThat(IdentityNormalizer.name("  José  D'Ávila-Sørensen ")).isEqualTo("jose d avila sorensen");
        assertThat(IdentityNormalizer.name("O’Connor")).isEqualTo("o connor");
        assertThat(IdentityNormalizer.name("Silva, João")).isEqualTo("silva joao");
        assertThat(IdentityNormalizer.name("Dr. João (CEO)")).isEqualTo("dr joao ceo");
        assertThat(IdentityNormalizer.name("ana.maria_silva|x")).isEqualTo("ana maria silva x");
    }

    @Test
    void nameKeepsDigits()
    {
        assertThat(IdentityNormalizer.name("Turma 2024")).isEqualTo("turma 2024");
        assertThat(IdentityNormalizer.name("R2D2")).isEqualTo("r2d2");
        // compatibility digits become ASCII under NFKD
        assertThat(IdentityNormalizer.name("Lote ２³")).isEqualTo("lote 23");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\u00A0\u3000", "...", "-'-", "😀", "😀 🎉", "Σ"})
    void nameWithoutLettersOrDigitsIsNull(String name)
    {
        assertThat(IdentityNormalizer.name(name)).isNull();
    }

    @Test
    void nullNameIsNull()
    {
        assertThat(IdentityNormalizer.name(null)).isNull();
    }

    @Test
    void nameDropsEmoji()
    {
        assertThat(IdentityNormalizer.name("Ana 😀 Maria")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("😀Ana")).isEqualTo("ana");
        assertThat(IdentityNormalizer.name("Ana ❤️")).isEqualTo("ana");
        assertThat(IdentityNormalizer.name("Ana 👨‍👩‍👧 Silva")).isEqualTo("ana silva");
        // an emoji between letters is a separator, like any other symbol
        assertThat(IdentityNormalizer.name("Ana😀Maria")).isEqualTo("ana maria");
    }

    @Test
    void nameFoldsCompatibilityForms()
    {
        assertThat(IdentityNormalizer.name("Ａｎａ")).isEqualTo("ana");
        assertThat(IdentityNormalizer.name("Ａｎａ\u3000Ｍａｒｉａ")).isEqualTo("ana maria");
        assertThat(IdentityNormalizer.name("ﬁ")).isEqualTo("fi");
        assertThat(IdentityNormalizer.name("Souﬁane Raﬀaele")).isEqualTo("soufiane raffaele");
        assertThat(IdentityNormalizer.name("Ĳsselmeer")).isEqualTo("ijsselmeer");
        // the Kelvin and Ångström signs are K and Å
        assertThat(IdentityNormalizer.name("\u212Aarl \u212Bse")).isEqualTo("karl ase");
    }

    @Test
    void longName()
    {
        String accented = "Ã".repeat(1000);
        assertThat(IdentityNormalizer.name(accented)).isEqualTo("a".repeat(1000));

        String words = "João ".repeat(200);
        assertThat(words).hasSize(1000);
        assertThat(IdentityNormalizer.name(words))
                .hasSize(999)
                .isEqualTo(String.join(" ", Collections.nCopies(200, "joao")));
    }

    @Test
    void nameIsAscii()
    {
        String normalized = IdentityNormalizer.name("Ünïcödé ñámé ﬂøß ǅemal Ǉ 𝔊𝔬𝔱𝔥𝔦𝔠 ⅫⅣ");
        assertThat(normalized).matches("[a-z0-9]+( [a-z0-9]+)*");
        // mathematical Fraktur letters and Roman numerals are compatibility characters
        assertThat(normalized).isEqualTo("unicode name floss dzemal lj gothic xiiiv");
    }

    // ---------------------------------------------------------------- emails

    @Test
    void emailIsTrimmedAndLowerCased()
    {
        assertThat(IdentityNormalizer.email("  Joao@Email.COM ")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("JOAO.SILVA@EMPRESA.COM.BR")).isEqualTo("joao.silva@empresa.com.br");
        assertThat(IdentityNormalizer.email("\tjoao@email.com\n")).isEqualTo("joao@email.com");
    }

    @Test
    void emailLosesSpaces()
    {
        assertThat(IdentityNormalizer.email("joao @ email.com")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("jo ao@email. com")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("joao\u00A0@email.com")).isEqualTo("joao@email.com");
    }

    @Test
    void gmailIgnoresDotsAndTags()
    {
        assertThat(IdentityNormalizer.email("joao.silva@gmail.com")).isEqualTo("joaosilva@gmail.com");
        assertThat(IdentityNormalizer.email("J.O.A.O.Silva+promo@Gmail.com")).isEqualTo("joaosilva@gmail.com");
        assertThat(IdentityNormalizer.email("joaosilva+a+b@gmail.com")).isEqualTo("joaosilva@gmail.com");
        // the dots after the '+' go with the tag
        assertThat(IdentityNormalizer.email("joao+news.letter@gmail.com")).isEqualTo("joao@gmail.com");
        assertThat(IdentityNormalizer.email(".joao.@gmail.com")).isEqualTo("joao@gmail.com");
    }

    @Test
    void googlemailIsGmail()
    {
        assertThat(IdentityNormalizer.email("joao.silva@googlemail.com")).isEqualTo("joaosilva@gmail.com");
        assertThat(IdentityNormalizer.email("Joao.Silva+x@GoogleMail.com")).isEqualTo("joaosilva@gmail.com");
        assertThat(IdentityNormalizer.email("joao.silva@googlemail.com")).isEqualTo(IdentityNormalizer.email("joaosilva@gmail.com"));
    }

    @Test
    void otherLargeProvidersIgnoreTagsButNotDots()
    {
        assertThat(IdentityNormalizer.email("joao.silva+news@outlook.com")).isEqualTo("joao.silva@outlook.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@hotmail.com")).isEqualTo("joao.silva@hotmail.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@live.com")).isEqualTo("joao.silva@live.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@msn.com")).isEqualTo("joao.silva@msn.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@icloud.com")).isEqualTo("joao.silva@icloud.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@me.com")).isEqualTo("joao.silva@me.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@protonmail.com")).isEqualTo("joao.silva@protonmail.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@proton.me")).isEqualTo("joao.silva@proton.me");
        assertThat(IdentityNormalizer.email("joao.silva+news@pm.me")).isEqualTo("joao.silva@pm.me");
        assertThat(IdentityNormalizer.email("joao.silva+news@fastmail.com")).isEqualTo("joao.silva@fastmail.com");
        assertThat(IdentityNormalizer.email("joao.silva+news@fastmail.fm")).isEqualTo("joao.silva@fastmail.fm");
        assertThat(IdentityNormalizer.email("joao.silva+news@outlook.com.br")).isEqualTo("joao.silva@outlook.com.br");
    }

    @Test
    void brazilianProvidersKeepDots()
    {
        assertThat(IdentityNormalizer.email("joao.silva@hotmail.com.br")).isEqualTo("joao.silva@hotmail.com.br");
        assertThat(IdentityNormalizer.email("joao.silva+x@hotmail.com.br")).isEqualTo("joao.silva@hotmail.com.br");
        assertThat(IdentityNormalizer.email("Joao.Silva@Yahoo.com.br")).isEqualTo("joao.silva@yahoo.com.br");
        assertThat(IdentityNormalizer.email("joao.silva@uol.com.br")).isEqualTo("joao.silva@uol.com.br");
        assertThat(IdentityNormalizer.email("joao.silva@bol.com.br")).isEqualTo("joao.silva@bol.com.br");
        assertThat(IdentityNormalizer.email("joao.silva@terra.com.br")).isEqualTo("joao.silva@terra.com.br");
        assertThat(IdentityNormalizer.email("joao.silva@ig.com.br")).isEqualTo("joao.silva@ig.com.br");
        // and so does a gmail look-alike
        assertThat(IdentityNormalizer.email("joao.silva@gmail.com.br")).isEqualTo("joao.silva@gmail.com.br");
    }

    @Test
    void tagsAreKeptForOtherProviders()
    {
        assertThat(IdentityNormalizer.email("joao.silva+x@yahoo.com.br")).isEqualTo("joao.silva+x@yahoo.com.br");
        assertThat(IdentityNormalizer.email("joao+vendas@empresa.com.br")).isEqualTo("joao+vendas@empresa.com.br");
        assertThat(IdentityNormalizer.email("joao+x@uol.com.br")).isEqualTo("joao+x@uol.com.br");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "joao.email.com", // no @
            "joao", // no @
            "joao@silva@email.com", // two @
            "@email.com", // empty local part
            "joao@", // empty domain
            "joao@localhost", // domain without a dot
            "joao@.com", // domain starts with a dot
            "joao@email.com.", // domain ends with a dot
            "joao@email.", // domain ends with a dot
            "+x@gmail.com", // nothing left once the tag goes
            "+x@outlook.com",
            "...@gmail.com", // nothing left once the dots go
            "", "   ", "@", "|@|.|"})
    void invalidEmailIsNull(String email)
    {
        assertThat(IdentityNormalizer.email(email)).isNull();
    }

    @Test
    void nullEmailIsNull()
    {
        assertThat(IdentityNormalizer.email(null)).isNull();
    }

    @Test
    void emailLosesCharactersInvalidInAnAddress()
    {
        // '|' separates parts in the key encoding and never survives
        assertThat(IdentityNormalizer.email("jo|ao@email.com")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("joao@ema|il.com|")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("<joao@email.com>")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("\"joao\"@email.com")).isEqualTo("joao@email.com");
        // accents go, as in names; non-Latin letters are dropped
        assertThat(IdentityNormalizer.email("joão@email.com")).isEqualTo("joao@email.com");
        assertThat(IdentityNormalizer.email("Ｊｏａｏ＠ｅｍａｉｌ．ｃｏｍ")).isEqualTo("joao@email.com");
        // the characters RFC 5322 allows in a local part are kept
        assertThat(IdentityNormalizer.email("a!#$%&'*/=?^_`{}~-b@email.com")).isEqualTo("a!#$%&'*/=?^_`{}~-b@email.com");
    }

    // ---------------------------------------------------------------- Brazilian phones

    @ParameterizedTest
    @ValueSource(strings = {
            "(11) 98765-4321",
            "11987654321",
            "11 98765 4321",
            "11.98765.4321",
            "+55 11 98765-4321",
            "+55 (11) 98765-4321",
            "+5511987654321",
            "5511987654321",
            "0055 11 98765 4321",
            "005511987654321",
            "011 98765-4321", // trunk prefix 0
            "0 11 98765-4321",
            "0 15 11 98765-4321", // carrier code 15
            "0xx21 11 98765-4321", // carrier code 21, 'xx' placeholder as printed on forms
            "(11) 8765-4321", // old mobile without the ninth digit
            "+55 11 8765-4321",
            "011 8765-4321",
            "0 41 11 8765-4321",
            "tel: (11) 98765-4321",
            "（１１）９８７６５－４３２１"}) // fullwidth
    void brazilianMobile(String phone)
    {
        assertThat(IdentityNormalizer.phone(phone, "BR")).isEqualTo("11987654321");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(21) 3456-7890",
            "2134567890",
            "+55 21 3456-7890",
            "552134567890",
            "0055 21 3456 7890",
            "021 3456-7890",
            "0 31 21 3456-7890"}) // carrier 31
    void brazilianLandline(String phone)
    {
        assertThat(IdentityNormalizer.phone(phone, "BR")).isEqualTo("2134567890");
    }

    @Test
    void landlinesStartWithTwoToFive()
    {
        assertThat(IdentityNormalizer.phone("(11) 2345-6789", "BR")).isEqualTo("1123456789");
        assertThat(IdentityNormalizer.phone("(11) 5345-6789", "BR")).isEqualTo("1153456789");
        // 6..9 after the DDD on 10 digits is an old mobile: the ninth digit is restored
        assertThat(IdentityNormalizer.phone("(11) 6345-6789", "BR")).isEqualTo("11963456789");
        assertThat(IdentityNormalizer.phone("(11) 9345-6789", "BR")).isEqualTo("11993456789");
    }

    @Test
    void areaCode55IsANationalNumber()
    {
        // DDD 55 (Rio Grande do Sul): an 11-digit national number starting with 55 is not a country code
        assertThat(IdentityNormalizer.phone("(55) 99999-8888", "BR")).isEqualTo("55999998888");
        assertThat(IdentityNormalizer.phone("55999998888", "BR")).isEqualTo("55999998888");
        // the same number with the country code, the trunk prefix, or as an old 10-digit mobile
        assertThat(IdentityNormalizer.phone("+55 55 99999-8888", "BR")).isEqualTo("55999998888");
        assertThat(IdentityNormalizer.phone("055 99999-8888", "BR")).isEqualTo("55999998888");
        assertThat(IdentityNormalizer.phone("(55) 9999-8888", "BR")).isEqualTo("55999998888");
        assertThat(IdentityNormalizer.phone("+55 55 9999-8888", "BR")).isEqualTo("55999998888");
        // a landline in DDD 55
        assertThat(IdentityNormalizer.phone("(55) 3222-1234", "BR")).isEqualTo("5532221234");
        assertThat(IdentityNormalizer.phone("+55 55 3222-1234", "BR")).isEqualTo("5532221234");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "abc", "N/A", "sem telefone",
            "98765-4321", // no DDD
            "8765-4321",
            "12345",
            "(10) 98765-4321", // a DDD has no 0
            "(20) 3456-7890",
            "(01) 3456-7890",
            "(11) 1234-5678", // a 10-digit number starting with 1 after the DDD
            "(11) 0234-5678",
            "(11) 88765-4321", // 11 digits without the 9
            "(11) 38765-4321",
            "+1 415 555 2671", // a US number is not a Brazilian one
            "11 98765-4321 r. 22", // an extension makes it too long
            "119876543211198765432",
            "١١٩٨٧٦٥٤٣٢١"}) // Arabic-Indic digits are not ASCII digits
    void invalidBrazilianPhoneIsNull(String phone)
    {
        assertThat(IdentityNormalizer.phone(phone, "BR")).isNull();
    }

    @Test
    void nullPhoneIsNull()
    {
        assertThat(IdentityNormalizer.phone(null, "BR")).isNull();
        assertThat(IdentityNormalizer.phone(null, "US")).isNull();
    }

    @Test
    void otherCountriesKeepTheDigits()
    {
        assertThat(IdentityNormalizer.phone("+1 (415) 555-2671", "US")).isEqualTo("14155552671");
        assertThat(IdentityNormalizer.phone("415.555.2671", "US")).isEqualTo("4155552671");
        assertThat(IdentityNormalizer.phone("0044 20 7946 0958", "GB")).isEqualTo("442079460958");
        // no trunk-prefix rules outside Brazil
        assertThat(IdentityNormalizer.phone("020 7946 0958", "GB")).isEqualTo("02079460958");
        assertThat(IdentityNormalizer.phone("+351 912 345 678", "PT")).isEqualTo("351912345678");
        // nor Brazilian ones
        assertThat(IdentityNormalizer.phone("+55 11 98765-4321", "PT")).isEqualTo("5511987654321");
        assertThat(IdentityNormalizer.phone("(11) 8765-4321", "PT")).isEqualTo("1187654321");
        assertThat(IdentityNormalizer.phone("１２３４５６７８", "DE")).isEqualTo("12345678");
    }

    @Test
    void otherCountriesNeedEightToFifteenDigits()
    {
        assertThat(IdentityNormalizer.phone("1234567", "US")).isNull();
        assertThat(IdentityNormalizer.phone("12345678", "US")).isEqualTo("12345678");
        assertThat(IdentityNormalizer.phone("123456789012345", "US")).isEqualTo("123456789012345");
        assertThat(IdentityNormalizer.phone("1234567890123456", "US")).isNull();
        // the 00 goes before counting
        assertThat(IdentityNormalizer.phone("00 1234567", "US")).isNull();
        assertThat(IdentityNormalizer.phone("00 12345678", "US")).isEqualTo("12345678");
        assertThat(IdentityNormalizer.phone("00 123456789012345", "US")).isEqualTo("123456789012345");
        assertThat(IdentityNormalizer.phone("abc", "US")).isNull();
        assertThat(IdentityNormalizer.phone("", "US")).isNull();
    }
}
