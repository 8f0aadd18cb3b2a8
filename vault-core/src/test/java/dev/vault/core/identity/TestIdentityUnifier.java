package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityUnifier.JunkKey;
import dev.vault.core.identity.IdentityUnifier.Lead;
import dev.vault.core.identity.IdentityUnifier.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.vault.core.identity.TestIdentityHasher.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Leads that share a key value are one person, transitively; over-shared values are junk. */
class TestIdentityUnifier
{
    private static final IdentityUnifier DEFAULTS = new IdentityUnifier(new IdentityHasher(IdentitySettings.defaults()));

    @Test
    void transitiveChain()
    {
        // A and B share an email (formatted differently); B and C share name + phone; D is someone else
        Result result = DEFAULTS.unify(List.of(
                new Lead("A", "Joao", "joao.silva@gmail.com", null),
                new Lead("B", "João Silva", "JoaoSilva+ads@gmail.com", "(11) 99999-9999"),
                new Lead("C", "JOAO SILVA", null, "+55 11 99999-9999"),
                new Lead("D", "Maria Souza", "maria@email.com", "(11) 98888-7777")));

        assertThat(result.personOf()).containsExactly(
                Map.entry("A", "A"),
                Map.entry("B", "A"),
                Map.entry("C", "A"),
                Map.entry("D", "D"));
        assertThat(result.persons()).isEqualTo(2);
        assertThat(result.junkKeys()).isEmpty();
    }

    @Test
    void representativeIsTheSmallestRecordIdWhateverTheOrder()
    {
        List<Lead> leads = new ArrayList<>(List.of(
                new Lead("crm-20", null, "a@email.com", null),
                new Lead("crm-3", null, "a@email.com", null),
                new Lead("ads-9", null, "b@email.com", null),
                new Lead("crm-100", null, "b@email.com", null),
                new Lead("crm-3b", "Ana", "b@email.com", "11988887777"),
                new Lead("fb-1", "ANA", "c@email.com", "11 98888-7777")));
        for (long seed = 0; seed < 10; seed++) {
            Collections.shuffle(leads, new Random(seed));
            Result result = DEFAULTS.unify(leads);
            // string order: "ads-9" < "crm-100" < "crm-20" < "crm-3" < "crm-3b" < "fb-1"
            assertThat(result.personOf()).as("order %s", leads).containsOnly(
                    Map.entry("crm-20", "crm-20"),
                    Map.entry("crm-3", "crm-20"),
                    Map.entry("ads-9", "ads-9"),
                    Map.entry("crm-100", "ads-9"),
                    Map.entry("crm-3b", "ads-9"),
                    Map.entry("fb-1", "ads-9"));
            assertThat(result.personOf().keySet()).containsExactly("ads-9", "crm-100", "crm-20", "crm-3", "crm-3b", "fb-1");
        }
    }

    @Test
    void recordsWithoutKeysAreTheirOwnPerson()
    {
        Result result = DEFAULTS.unify(List.of(
                new Lead("1", null, null, null),
                new Lead("2", "João Silva", null, null), // a name alone is no key
                new Lead("3", null, null, "11999999999"), // nor a phone alone
                new Lead("4", "João Silva", "not an email", "11999999999"),
                new Lead("5", "", "   ", "123")));

        assertThat(result.personOf()).containsExactly(
                Map.entry("1", "1"),
                Map.entry("2", "2"),
                Map.entry("3", "3"),
                Map.entry("4", "4"),
                Map.entry("5", "5"));
        assertThat(result.persons()).isEqualTo(5);
    }

    @Test
    void emptyBatch()
    {
        Result result = DEFAULTS.unify(List.of());
        assertThat(result.personOf()).isEmpty();
        assertThat(result.junkKeys()).isEmpty();
        assertThat(result.persons()).isZero();
    }

    @Test
    void familySharingAPhoneStaysApart()
    {
        Result result = DEFAULTS.unify(List.of(
                new Lead("1", "Maria Silva", null, "(11) 3333-4444"),
                new Lead("2", "João Silva", null, "(11) 3333-4444"),
                new Lead("3", "Pedro Silva", "pedro@email.com", "11 3333 4444"),
                new Lead("4", "MARIA SILVA", "maria@email.com", "+55 11 3333-4444")));

        // Maria twice is one person; João and Pedro are themselves
        assertThat(result.personOf()).containsExactly(
                Map.entry("1", "1"),
                Map.entry("2", "2"),
                Map.entry("3", "3"),
                Map.entry("4", "1"));
    }

    @Test
    void junkValueIsExcludedAndReported()
    {
        IdentityUnifier unifier = unifier(3);
        List<Lead> leads = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            leads.add(new Lead("r" + i, "Person " + i, "teste@teste.com", i == 1 ? "11999990000" : i == 2 ? "11999990001" : null));
        }
        // r1 and r2 also share name + phone with later records: that still joins them (each phone is shared by 3 at most)
        leads.add(new Lead("r5", "Person 1", null, "11999990000"));
        leads.add(new Lead("r6", "Person 2", null, "11999990001"));
        leads.add(new Lead("r7", "Person 1", "TESTE@teste.com", "11999990000"));

        Result result = unifier.unify(leads);

        assertThat(result.junkKeys()).containsExactly(new JunkKey("email", sha256("vault-person-v1|email=teste@teste.com"), 5));
        assertThat(result.personOf()).containsExactly(
                Map.entry("r1", "r1"),
                Map.entry("r2", "r2"),
                Map.entry("r3", "r3"),
                Map.entry("r4", "r4"),
                Map.entry("r5", "r1"),
                Map.entry("r6", "r2"),
                Map.entry("r7", "r1"));
    }

    @Test
    void aPhoneSharedByTooManyPeopleIsJunkEvenWhenNoKeyIsThePhoneAlone()
    {
        IdentityUnifier unifier = unifier(3);
        List<Lead> leads = new ArrayList<>();
        // a call centre registers leads with its own phone; two of them happen to have the same name
        for (int i = 1; i <= 4; i++) {
            leads.add(new Lead("c" + i, "Cliente " + i, null, "(11) 4004-0000"));
        }
        leads.add(new Lead("c5", "Cliente 1", null, "(11) 4004-0000"));

        Result result = unifier.unify(leads);

        assertThat(result.junkKeys()).containsExactly(new JunkKey("phone", sha256("vault-person-v1|phone=1140040000"), 5));
        // c1 and c5 share name and phone, but the phone is the call centre's: not evidence
        assertThat(result.personOf().get("c5")).isEqualTo("c5");
        assertThat(result.persons()).isEqualTo(5);
    }

    @Test
    void exactlyTheLimitIsNotJunk()
    {
        IdentityUnifier unifier = unifier(3);
        Result result = unifier.unify(List.of(
                new Lead("a", null, "shared@email.com", null),
                new Lead("b", null, "shared@email.com", null),
                new Lead("c", null, "shared@email.com", null)));

        assertThat(result.junkKeys()).isEmpty();
        assertThat(result.personOf()).containsExactly(Map.entry("a", "a"), Map.entry("b", "a"), Map.entry("c", "a"));

        Result oneMore = unifier.unify(List.of(
                new Lead("a", null, "shared@email.com", null),
                new Lead("b", null, "shared@email.com", null),
                new Lead("c", null, "shared@email.com", null),
                new Lead("d", null, "shared@email.com", null)));
        assertThat(oneMore.junkKeys()).containsExactly(new JunkKey("email", sha256("vault-person-v1|email=shared@email.com"), 4));
        assertThat(oneMore.persons()).isEqualTo(4);
    }

    @Test
    void defaultLimitIsFifty()
    {
        List<Lead> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Lead("r%02d".formatted(i), "Nome " + i, null, "(11) 3333-4444"));
            fifty.add(new Lead("s%02d".formatted(i), null, "x@y.com", null));
        }
        Result result = DEFAULTS.unify(fifty);
        assertThat(result.junkKeys()).isEmpty();
        assertThat(result.persons()).isEqualTo(51);

        List<Lead> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(new Lead("s50", null, "X@Y.COM", null));
        assertThat(DEFAULTS.unify(fiftyOne).junkKeys()).containsExactly(new JunkKey("email", sha256("vault-person-v1|email=x@y.com"), 51));
    }

    @Test
    void junkKeysAreSortedMostSharedFirst()
    {
        IdentityUnifier unifier = unifier(2);
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(new Lead("a" + i, null, "three@email.com", null));
        }
        for (int i = 0; i < 5; i++) {
            leads.add(new Lead("b" + i, "Call Centre", "b" + i + "@email.com", "(11) 4004-0001"));
        }
        for (int i = 0; i < 3; i++) {
            leads.add(new Lead("c" + i, "Ana", "other@email.com", "(11) 4004-0002"));
        }

        Result result = unifier.unify(leads);

        String three = sha256("vault-person-v1|email=three@email.com");
        String other = sha256("vault-person-v1|email=other@email.com");
        // the two emails shared by 3 are in the order of their values
        List<JunkKey> emails = three.compareTo(other) < 0
                ? List.of(new JunkKey("email", three, 3), new JunkKey("email", other, 3))
                : List.of(new JunkKey("email", other, 3), new JunkKey("email", three, 3));
        // the phones count on their own too, and sort after name_phone among equals
        assertThat(result.junkKeys()).containsExactly(
                new JunkKey("name_phone", sha256("vault-person-v1|name=call centre|phone=1140040001"), 5),
                new JunkKey("phone", sha256("vault-person-v1|phone=1140040001"), 5),
                emails.get(0),
                emails.get(1),
                new JunkKey("name_phone", sha256("vault-person-v1|name=ana|phone=1140040002"), 3),
                new JunkKey("phone", sha256("vault-person-v1|phone=1140040002"), 3));
        assertThat(result.persons()).isEqualTo(11);
    }

    @Test
    void repeatedRecordCountsOnceTowardTheLimit()
    {
        IdentityUnifier unifier = unifier(2);
        Result result = unifier.unify(List.of(
                new Lead("r1", null, "joao@email.com", null),
                new Lead("r1", "João", "Joao@Email.com", "11999999999"),
                new Lead("r1", null, " joao@email.com ", null),
                new Lead("r2", null, "joao@email.com", null)));

        assertThat(result.junkKeys()).isEmpty();
        assertThat(result.personOf()).containsExactly(Map.entry("r1", "r1"), Map.entry("r2", "r1"));
    }

    @Test
    void repeatedRecordJoinsEverythingItSays()
    {
        // the same record id with two emails joins the records of both
        Result result = DEFAULTS.unify(List.of(
                new Lead("x", null, "a@email.com", null),
                new Lead("y", null, "b@email.com", null),
                new Lead("m", null, "a@email.com", null),
                new Lead("m", null, "b@email.com", null)));

        assertThat(result.personOf()).containsExactly(Map.entry("m", "m"), Map.entry("x", "m"), Map.entry("y", "m"));
    }

    @Test
    void recordIdIsRequired()
    {
        assertThatThrownBy(() -> new Lead(null, "a", "b", "c")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void longChainIsOnePersonQuickly()
    {
        int records = 100_000;
        List<Lead> leads = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            // i and i + 1 share an email when i is even, name + phone when i is odd
            leads.add(new Lead(
                    "r%06d".formatted(i),
                    "Ana",
                    "pessoa" + (i / 2) + "@email.com",
                    "119%08d".formatted((i + 1) / 2)));
        }
        Collections.shuffle(leads, new Random(42));

        Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> DEFAULTS.unify(leads));

        assertThat(result.personOf()).hasSize(records);
        assertThat(result.persons()).isEqualTo(1);
        assertThat(result.personOf().values()).containsOnly("r000000");
        assertThat(result.junkKeys()).isEmpty();
    }

    @Test
    void brokenChainIsTwoPersons()
    {
        // the same chain of 1,000 with the name of record 501 changed
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            leads.add(new Lead("r%04d".formatted(i), i == 501 ? "Bia" : "Ana", "pessoa" + (i / 2) + "@email.com", "119%08d".formatted((i + 1) / 2)));
        }
        // 500 and 501 share an email (500 / 2 == 501 / 2), 501 and 502 share a phone but not the name
        Result result = DEFAULTS.unify(leads);

        assertThat(result.persons()).isEqualTo(2);
        assertThat(result.personOf().get("r0501")).isEqualTo("r0000");
        assertThat(result.personOf().get("r0502")).isEqualTo("r0502");
        assertThat(result.personOf().get("r0999")).isEqualTo("r0502");
    }

    @Test
    void aComparisonJoinsANameTypoWithTheSameBirthDate()
    {
        IdentityUnifier unifier = comparing(new IdentityComparison("name_typo", List.of("birth_date"), 10, Set.of("birth_date"), Map.of("name", 2)), 10);
        Result result = unifier.unify(List.of(
                lead("A", "Robert Alan", "1980-03-14"),
                // one substitution away, the birth date written another way: the same person
                lead("B", "Robert Alen", "14/03/1980"),
                // a transposition is two edits
                lead("C", "Rbeort Alan", "1980-03-14"),
                // three edits: someone else, though born the same day
                lead("D", "Roberta Allende", "1980-03-14"),
                // the same name, another birth date: another block, never compared
                lead("E", "Robert Alan", "1981-03-14"),
                // no birth date: no block
                lead("F", "Robert Alan", null)));

        assertThat(result.personOf()).containsExactly(
                Map.entry("A", "A"), Map.entry("B", "A"), Map.entry("C", "A"), Map.entry("D", "D"), Map.entry("E", "E"), Map.entry("F", "F"));
        assertThat(result.junkKeys()).isEmpty();
    }

    @Test
    void anOversizedBlockIsJunkAndNotCompared()
    {
        IdentityUnifier unifier = comparing(new IdentityComparison("name_typo", List.of("birth_date"), 2, Set.of(), Map.of("name", 1)), 10);
        Result result = unifier.unify(List.of(
                lead("A", "Ana Lima", "2000-01-01"),
                lead("B", "Ana Lama", "2000-01-01"),
                lead("C", "Ana Luma", "2000-01-01"),
                lead("D", "Rui Costa", "1999-12-31"),
                lead("E", "Rui Kosta", "1999-12-31")));

        // three records born on 2000-01-01 exceed the block size of 2: they stay apart, and the block is reported
        assertThat(result.persons()).isEqualTo(4);
        assertThat(result.personOf()).containsEntry("E", "D");
        assertThat(result.junkKeys()).containsExactly(new JunkKey("block:name_typo", "2000-01-01", 3));
    }

    @Test
    void typedKeysMatchInJavaAsInSql()
    {
        IdentitySettings settings = new IdentitySettings("BR", ImmutableList.of(
                new IdentityKey("cpf", ImmutableSortedSet.of(), ImmutableSortedSet.of("cpf"))), 10);
        IdentityUnifier unifier = new IdentityUnifier(new IdentityHasher(settings), Map.of("cpf", IdentityPartKind.CPF));
        Result result = unifier.unify(List.of(
                new Lead("A", "Ana", null, null, ImmutableMap.of("cpf", "529.982.247-25")),
                new Lead("B", "Ana Maria", null, null, ImmutableMap.of("cpf", "52998224725")),
                // an invalid CPF (bad check digits) is no key
                new Lead("C", "Ana", null, null, ImmutableMap.of("cpf", "529.982.247-26"))));
        assertThat(result.personOf()).containsExactly(Map.entry("A", "A"), Map.entry("B", "A"), Map.entry("C", "C"));
    }

    @Test
    void editDistanceCountsCodePoints()
    {
        assertThat(TypedNormalizer.levenshtein("robert alan", "robert alen")).isEqualTo(1);
        assertThat(TypedNormalizer.levenshtein("robert", "rbeort")).isEqualTo(2);
        assertThat(TypedNormalizer.levenshtein("", "ana")).isEqualTo(3);
        // a character outside the BMP is one code point, two UTF-16 units: one edit, as Trino counts it
        assertThat(TypedNormalizer.levenshtein("ana\uD83D\uDE00", "ana")).isEqualTo(1);
    }

    private static IdentityUnifier comparing(IdentityComparison comparison, int maxRecordsPerKey)
    {
        IdentitySettings settings = new IdentitySettings("BR", IdentitySettings.defaults().keys(), maxRecordsPerKey, ImmutableList.of(comparison));
        return new IdentityUnifier(new IdentityHasher(settings), Map.of("birth_date", IdentityPartKind.DATE));
    }

    private static Lead lead(String id, String name, String birthDate)
    {
        return new Lead(id, name, null, null, birthDate == null ? ImmutableMap.of() : ImmutableMap.of("birth_date", birthDate));
    }

    private static IdentityUnifier unifier(int maxRecordsPerKey)
    {
        return new IdentityUnifier(new IdentityHasher(new IdentitySettings("BR", IdentitySettings.defaults().keys(), maxRecordsPerKey)));
    }
}
