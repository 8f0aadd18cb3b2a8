package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed key parts: what each kind keeps and what it rejects, and that a typed key of name,
 * email and phone is the key vault-person-v1 has always made.
 */
class TestTypedNormalizer
{
    @Test
    void dateReadsCommonLayoutsDayFirst()
    {
        assertThat(TypedNormalizer.date("1990-05-03")).isEqualTo("1990-05-03");
        assertThat(TypedNormalizer.date("3/5/1990")).isEqualTo("1990-05-03");
        assertThat(TypedNormalizer.date("03.05.1990")).isEqualTo("1990-05-03");
        assertThat(TypedNormalizer.date("19900503")).isEqualTo("1990-05-03");
        assertThat(TypedNormalizer.date(" 1990/5/3T10:00:00Z")).isEqualTo("1990-05-03");
        assertThat(TypedNormalizer.date("03/05/1990 14:30")).isEqualTo("1990-05-03");
    }

    @Test
    void dateRejectsDaysThatDoNotExist()
    {
        assertThat(TypedNormalizer.date("2000-02-29")).isEqualTo("2000-02-29");
        assertThat(TypedNormalizer.date("1900-02-29")).isNull();
        assertThat(TypedNormalizer.date("31/04/1990")).isNull();
        assertThat(TypedNormalizer.date("1990-13-01")).isNull();
        assertThat(TypedNormalizer.date("03/05/90")).isNull();
        assertThat(TypedNormalizer.date("1700-01-01")).isNull();
        assertThat(TypedNormalizer.date("born 1990-05-03")).isNull();
        assertThat(TypedNormalizer.date("")).isNull();
        assertThat(TypedNormalizer.date(null)).isNull();
    }

    @Test
    void cpfKeepsValidNumbersOnly()
    {
        assertThat(TypedNormalizer.cpf("529.982.247-25")).isEqualTo("52998224725");
        assertThat(TypedNormalizer.cpf("52998224725")).isEqualTo("52998224725");
        // a typo breaks the check digits
        assertThat(TypedNormalizer.cpf("529.982.247-26")).isNull();
        assertThat(TypedNormalizer.cpf("111.111.111-11")).isNull();
        assertThat(TypedNormalizer.cpf("123")).isNull();
        // a spreadsheet dropped the leading zeros of 012.345.678-90
        assertThat(TypedNormalizer.cpf("01234567890")).isEqualTo("01234567890");
        assertThat(TypedNormalizer.cpf("1234567890")).isEqualTo("01234567890");
    }

    @Test
    void cnpjKeepsValidNumbersOnly()
    {
        assertThat(TypedNormalizer.cnpj("11.222.333/0001-81")).isEqualTo("11222333000181");
        assertThat(TypedNormalizer.cnpj("11.222.333/0001-82")).isNull();
        assertThat(TypedNormalizer.cnpj("00.000.000/0000-00")).isNull();
    }

    @Test
    void documentPostcodeTextAndCode()
    {
        assertThat(TypedNormalizer.document("RG 12.345.678-9")).isEqualTo("123456789");
        assertThat(TypedNormalizer.document("１２３")).isEqualTo("123");
        assertThat(TypedNormalizer.document("n/a")).isNull();
        assertThat(TypedNormalizer.postcode("01310-100")).isEqualTo("01310100");
        assertThat(TypedNormalizer.postcode(" SW1A 1AA ")).isEqualTo("sw1a1aa");
        assertThat(TypedNormalizer.text("  Rua da  CONCEIÇÃO,\t45 ")).isEqualTo("rua da conceicao, 45");
        assertThat(TypedNormalizer.code(" AB-12|x \n")).isEqualTo("AB-12|x");
        assertThat(TypedNormalizer.code(" \t ")).isNull();
    }

    @Test
    void soundexIsTrinosPerWord()
    {
        // the classic American Soundex examples, as Trino's soundex() gives them
        assertThat(TypedNormalizer.soundex("robert rupert ashcraft tymczak pfister honeyman lee"))
                .isEqualTo("R163 R163 A261 T522 P236 H555 L000");
        assertThat(TypedNormalizer.soundex("robert alan")).isEqualTo(TypedNormalizer.soundex("robert alen"));
        assertThat(TypedNormalizer.soundex("123")).isNull();
    }

    @Test
    void portuguesePhoneticCodeJoinsSpellingsOfOneName()
    {
        assertThat(TypedNormalizer.phoneticPt("luiz sousa")).isEqualTo(TypedNormalizer.phoneticPt("luis souza"));
        assertThat(TypedNormalizer.phoneticPt("thiago mattos")).isEqualTo(TypedNormalizer.phoneticPt("tiago matos"));
        assertThat(TypedNormalizer.phoneticPt("raphael queiroz")).isEqualTo(TypedNormalizer.phoneticPt("rafael keiros"));
        assertThat(TypedNormalizer.phoneticPt("cecilia")).isEqualTo(TypedNormalizer.phoneticPt("sessilia"));
        assertThat(TypedNormalizer.phoneticPt("adilsom")).isEqualTo(TypedNormalizer.phoneticPt("adilson"));
        assertThat(TypedNormalizer.phoneticPt("maria")).isNotEqualTo(TypedNormalizer.phoneticPt("mario"));
    }

    @Test
    void nameShapes()
    {
        assertThat(TypedNormalizer.initialSurname("maria eduarda lima")).isEqualTo("m lima");
        assertThat(TypedNormalizer.initialSurname("maria")).isNull();
        assertThat(TypedNormalizer.sortedName("silva joao")).isEqualTo(TypedNormalizer.sortedName("joao silva"));
        assertThat(TypedNormalizer.levenshtein("robert alan", "robert alen")).isEqualTo(1);
        assertThat(TypedNormalizer.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(TypedNormalizer.levenshtein("", "abc")).isEqualTo(3);
    }

    @Test
    void typedKeyOfNameEmailPhoneIsTheExistingKey()
    {
        IdentityHasher hasher = new IdentityHasher(new IdentitySettings("BR", ImmutableList.of(
                new IdentityKey("name_phone", ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.PHONE))), 50));
        IdentityHasher.Normalized lead = hasher.normalize("José Silva", "jose@gmail.com", "(11) 98765-4321");
        assertThat(IdentityHasher.typedKey(List.of("name", "phone"), List.of(lead.name(), lead.phone())))
                .isEqualTo(hasher.keys(lead).get("name_phone"));
        assertThat(IdentityHasher.typedKey(List.of("name", "email", "phone"), List.of(lead.name(), lead.email(), lead.phone())))
                .isEqualTo(hasher.personHash("José Silva", "jose@gmail.com", "(11) 98765-4321"));
    }

    @Test
    void typedKeyEscapesSoThatValuesCannotForgeParts()
    {
        assertThat(IdentityHasher.typedKey(List.of("a", "b"), List.of("x|b=y", "z")))
                .isNotEqualTo(IdentityHasher.typedKey(List.of("a", "b"), List.of("x", "y|b=z")));
        assertThat(IdentityHasher.typedKey(List.of("a"), List.of("x\\|")))
                .isNotEqualTo(IdentityHasher.typedKey(List.of("a"), List.of("x\\\\|")));
        assertThat(IdentityHasher.typedKey(List.of("a", "b"), Arrays.asList("x", null))).isNull();
    }

    @Test
    void everyKindHasAnId()
    {
        for (IdentityPartKind kind : IdentityPartKind.values()) {
            assertThat(IdentityPartKind.fromId(kind.id())).contains(kind);
        }
        assertThat(IdentityPartKind.fromId("phonetic_pt")).contains(IdentityPartKind.PHONETIC_PT);
        assertThat(IdentityPartKind.fromId("birthdate")).isEmpty();
    }
}
