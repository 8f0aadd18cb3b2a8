package dev.vault.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.vault.core.identity.IdentityPart.EMAIL;
import static dev.vault.core.identity.IdentityPart.NAME;
import static dev.vault.core.identity.IdentityPart.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Matching keys: SHA-256, upper-case hex, of "vault-person-v1" then "|part=value" for each part
 * of the key in the order name, email, phone. Expected hashes are computed here with
 * MessageDigest from the documented encoding, or were computed independently on Trino.
 */
class TestIdentityHasher
{
    private static final IdentityHasher DEFAULTS = new IdentityHasher(IdentitySettings.defaults());

    /** Every combination of parts as a key, in a scrambled configuration order. */
    private static final IdentityHasher ALL_KEYS = new IdentityHasher(new IdentitySettings("BR", ImmutableList.of(
            key("phone", PHONE),
            key("name_email_phone", PHONE, NAME, EMAIL),
            key("email", EMAIL),
            key("name", NAME),
            key("email_phone", PHONE, EMAIL),
            key("name_email", EMAIL, NAME),
            key("name_phone", PHONE, NAME)), 50));

    @Test
    void defaultKeys()
    {
        Map<String, String> keys = DEFAULTS.keys("João Silva", "joao@email.com", "11999999999");

        assertThat(keys).containsExactly(
                Map.entry("email", sha256("vault-person-v1|email=joao@email.com")),
                Map.entry("name_phone", sha256("vault-person-v1|name=joao silva|phone=11999999999")));
    }

    @Test
    void keyValuesAreUpperCaseHexOfSha256()
    {
        Map<String, String> keys = ALL_KEYS.keys("João Silva", "joao@email.com", "11999999999");

        assertThat(keys).hasSize(7);
        assertThat(keys.values()).allSatisfy(value -> assertThat(value).matches("[0-9A-F]{64}"));
        assertThat(keys.values()).doesNotHaveDuplicates();
    }

    @Test
    void encodingIsCheckedIndependently()
            throws NoSuchAlgorithmException
    {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("vault-person-v1|name=joao silva|phone=11999999999".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().withUpperCase().formatHex(digest);

        assertThat(expected).isEqualTo("FB6AE4C68F71277A239C7F2135257B446A6A5475C0E7A0453B46B65C0F67005F");
        assertThat(DEFAULTS.keys("João Silva", null, "11999999999")).containsExactly(Map.entry("name_phone", expected));
    }

    @Test
    void partsAreHashedInCanonicalOrderWhateverTheConfiguredOrder()
    {
        Map<String, String> keys = ALL_KEYS.keys("João Silva", "joao@email.com", "11999999999");

        assertThat(keys).containsExactly(
                Map.entry("phone", sha256("vault-person-v1|phone=11999999999")),
                Map.entry("name_email_phone", sha256("vault-person-v1|name=joao silva|email=joao@email.com|phone=11999999999")),
                Map.entry("email", sha256("vault-person-v1|email=joao@email.com")),
                Map.entry("name", sha256("vault-person-v1|name=joao silva")),
                Map.entry("email_phone", sha256("vault-person-v1|email=joao@email.com|phone=11999999999")),
                Map.entry("name_email", sha256("vault-person-v1|name=joao silva|email=joao@email.com")),
                Map.entry("name_phone", sha256("vault-person-v1|name=joao silva|phone=11999999999")));
    }

    @Test
    void seedsExamplesComputedOnTrino()
    {
        assertThat(DEFAULTS.personHash("João Silva", "joao@email.com", "11999999999"))
                .isEqualTo("DA41B3E9996E49362542027260149FF150EE68C809629C3C4FD94D795A067340");
        assertThat(DEFAULTS.personHash("João Silva", "joao@email.com", null))
                .isEqualTo("44642E1247B85F18D362CF283FEEECD3AD522EF3B7E279D9A36EE5EF5C69577D");
        assertThat(DEFAULTS.personHash(null, "joao@email.com", "11999999999"))
                .isEqualTo("EDAA41E284C8A8F7FEC460246C479243BAD227867D96625CBA80632148BCEF7C");
        // the same values from the documented encoding
        assertThat(sha256("vault-person-v1|name=joao silva|email=joao@email.com|phone=11999999999"))
                .isEqualTo("DA41B3E9996E49362542027260149FF150EE68C809629C3C4FD94D795A067340");
        assertThat(sha256("vault-person-v1|name=joao silva|email=joao@email.com"))
                .isEqualTo("44642E1247B85F18D362CF283FEEECD3AD522EF3B7E279D9A36EE5EF5C69577D");
        assertThat(sha256("vault-person-v1|email=joao@email.com|phone=11999999999"))
                .isEqualTo("EDAA41E284C8A8F7FEC460246C479243BAD227867D96625CBA80632148BCEF7C");
    }

    @Test
    void keysNeedEveryPart()
    {
        assertThat(DEFAULTS.keys("João Silva", "joao@email.com", null)).containsOnlyKeys("email");
        assertThat(DEFAULTS.keys("João Silva", null, "11999999999")).containsOnlyKeys("name_phone");
        assertThat(DEFAULTS.keys(null, "joao@email.com", "11999999999")).containsOnlyKeys("email");
        assertThat(DEFAULTS.keys("João Silva", null, null)).isEmpty();
        assertThat(DEFAULTS.keys(null, null, "11999999999")).isEmpty();
        assertThat(DEFAULTS.keys(null, null, null)).isEmpty();
    }

    @Test
    void partsThatNormalizeToNothingAreAbsent()
    {
        // a blank name, an email without a domain, a phone that is not Brazilian
        assertThat(DEFAULTS.keys("  ", "joao@", "123")).isEmpty();
        assertThat(DEFAULTS.keys("Νίκος", "joao@email.com", "11999999999")).containsOnlyKeys("email");
        assertThat(DEFAULTS.keys("João Silva", "not an email", "(11) 1234-5678")).isEmpty();
        assertThat(DEFAULTS.personHash("  ", "joao@", "123")).isNull();
    }

    @Test
    void keyValuesArePositional()
    {
        String[] values = DEFAULTS.keyValues(DEFAULTS.normalize("João Silva", null, "11999999999"));

        assertThat(values).containsExactly(null, sha256("vault-person-v1|name=joao silva|phone=11999999999"));
    }

    @Test
    void normalizeUsesTheDefaultCountry()
    {
        assertThat(DEFAULTS.normalize("  JOÃO  Silva ", "J.Oao@Gmail.com", "+55 (11) 9999-9999"))
                .isEqualTo(new IdentityHasher.Normalized("joao silva", "joao@gmail.com", "11999999999"));

        IdentityHasher american = new IdentityHasher(new IdentitySettings("US", IdentitySettings.defaults().keys(), 50));
        assertThat(american.normalize(null, null, "+1 (415) 555-2671").phone()).isEqualTo("14155552671");
        assertThat(american.normalize(null, null, "(11) 9999-9999").phone()).isEqualTo("1199999999");
    }

    @Test
    void sameLeadFormattedDifferentlyHasTheSameKeys()
    {
        Map<String, String> expected = ALL_KEYS.keys("joao silva", "joaosilva@gmail.com", "11999999999");
        assertThat(expected).hasSize(7);

        assertThat(ALL_KEYS.keys("João Silva", "joao.silva@gmail.com", "(11) 99999-9999")).isEqualTo(expected);
        assertThat(ALL_KEYS.keys("  JOÃO   SILVA ", " Joao.Silva+facebook@GMAIL.COM ", "+55 11 99999-9999")).isEqualTo(expected);
        assertThat(ALL_KEYS.keys("Joa\u0303o\u00A0Silva", "j.o.a.o.s.i.l.v.a@googlemail.com", "0055 11 9999 9999")).isEqualTo(expected);
        assertThat(ALL_KEYS.keys("joão-silva", "joaosilva+crm@gmail.com", "0 15 11 99999 9999")).isEqualTo(expected);
        assertThat(ALL_KEYS.keys("Ｊｏãｏ　Ｓｉｌｖａ", "JOAOSILVA@gmail.com", "（１１）９９９９９－９９９９")).isEqualTo(expected);

        // and a different person does not
        assertThat(ALL_KEYS.keys("João Silva Filho", "joao.silva@hotmail.com", "11999999998").values())
                .doesNotContainAnyElementsOf(expected.values());
    }

    @Test
    void personHashEqualsTheKeyOfTheSameParts()
    {
        String name = "João Silva";
        String email = "joao@email.com";
        String phone = "(11) 99999-9999";
        Map<String, String> keys = ALL_KEYS.keys(name, email, phone);

        assertThat(ALL_KEYS.personHash(name, null, null)).isEqualTo(keys.get("name"));
        assertThat(ALL_KEYS.personHash(null, email, null)).isEqualTo(keys.get("email"));
        assertThat(ALL_KEYS.personHash(null, null, phone)).isEqualTo(keys.get("phone"));
        assertThat(ALL_KEYS.personHash(name, email, null)).isEqualTo(keys.get("name_email"));
        assertThat(ALL_KEYS.personHash(name, null, phone)).isEqualTo(keys.get("name_phone"));
        assertThat(ALL_KEYS.personHash(null, email, phone)).isEqualTo(keys.get("email_phone"));
        assertThat(ALL_KEYS.personHash(name, email, phone)).isEqualTo(keys.get("name_email_phone"));

        // with the default keys
        assertThat(DEFAULTS.personHash(null, email, null)).isEqualTo(DEFAULTS.keys(null, email, null).get("email"));
        assertThat(DEFAULTS.personHash(name, null, phone)).isEqualTo(DEFAULTS.keys(name, null, phone).get("name_phone"));
        // an invalid part is left out, as if it were NULL
        assertThat(DEFAULTS.personHash(name, "invalid", phone)).isEqualTo(DEFAULTS.keys(name, null, phone).get("name_phone"));
    }

    @Test
    void personHashOfNothingIsNull()
    {
        assertThat(DEFAULTS.personHash(null, null, null)).isNull();
        assertThat(DEFAULTS.personHash("", "", "")).isNull();
        assertThat(DEFAULTS.personHash("...", "@", "abc")).isNull();
    }

    @Test
    void longValues()
    {
        // longer than the 512-byte buffer the hasher starts with
        String name = "Ã".repeat(1000);
        assertThat(DEFAULTS.personHash(name, null, null)).isEqualTo(sha256("vault-person-v1|name=" + "a".repeat(1000)));
        String longer = "Jo\u00E3o ".repeat(2000);
        String normalized = String.join(" ", Collections.nCopies(2000, "joao"));
        assertThat(DEFAULTS.keys(longer, null, "11999999999"))
                .containsExactly(Map.entry("name_phone", sha256("vault-person-v1|name=" + normalized + "|phone=11999999999")));
        // and short ones after them still hash right
        assertThat(DEFAULTS.personHash("João Silva", "joao@email.com", "11999999999"))
                .isEqualTo("DA41B3E9996E49362542027260149FF150EE68C809629C3C4FD94D795A067340");
    }

    @Test
    void keyOfALeadWithoutAPart()
    {
        IdentityHasher.Normalized normalized = new IdentityHasher.Normalized("joao silva", null, "11999999999");

        assertThat(IdentityHasher.key(key("name_email", NAME, EMAIL), normalized)).isNull();
        assertThat(IdentityHasher.key(key("name_phone", NAME, PHONE), normalized))
                .isEqualTo("FB6AE4C68F71277A239C7F2135257B446A6A5475C0E7A0453B46B65C0F67005F");
    }

    @Test
    void threadSafe()
            throws Exception
    {
        List<String[]> leads = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // some names longer than the initial buffer, so that threads grow their own
            String name = i % 17 == 0 ? "Nome Muito Longo ".repeat(40 + i % 7) + i : "Pessoa Número " + i;
            leads.add(new String[] {name, "pessoa." + i + "+tag@gmail.com", String.format("(%02d) 9%04d-%04d", 11 + i % 89, i % 10000, (i * 7) % 10000)});
        }
        List<Map<String, String>> expectedKeys = new ArrayList<>();
        List<String> expectedHashes = new ArrayList<>();
        for (String[] lead : leads) {
            expectedKeys.add(ALL_KEYS.keys(lead[0], lead[1], lead[2]));
            expectedHashes.add(ALL_KEYS.personHash(lead[0], lead[1], lead[2]));
        }
        assertThat(expectedHashes).doesNotContainNull().doesNotHaveDuplicates();

        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 250;
                Callable<List<Object>> task = () -> {
                    start.await();
                    List<Object> computed = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        computed.clear();
                        for (int j = 0; j < leads.size(); j++) {
                            // each thread walks the leads from a different place
                            String[] lead = leads.get((j + offset) % leads.size());
                            computed.add(List.of(ALL_KEYS.keys(lead[0], lead[1], lead[2]), ALL_KEYS.personHash(lead[0], lead[1], lead[2])));
                        }
                    }
                    return computed;
                };
                results.add(executor.submit(task));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<Object> computed = results.get(t).get();
                int offset = t * 250;
                for (int j = 0; j < leads.size(); j++) {
                    int lead = (j + offset) % leads.size();
                    assertThat(computed.get(j)).as("lead %s on thread %s", lead, t).isEqualTo(List.of(expectedKeys.get(lead), expectedHashes.get(lead)));
                }
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void settingsAreValidated()
    {
        ImmutableList<IdentityKey> keys = IdentitySettings.defaults().keys();
        assertThat(IdentitySettings.defaults()).isEqualTo(new IdentitySettings("BR", ImmutableList.of(key("email", EMAIL), key("name_phone", NAME, PHONE)), 50));
        assertThatThrownBy(() -> new IdentitySettings("br", keys, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentitySettings("BRA", keys, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentitySettings("BR", ImmutableList.of(), 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentitySettings("BR", keys, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityKey("Name-Phone", ImmutableSortedSet.of(NAME, PHONE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityKey("nothing", ImmutableSortedSet.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static IdentityKey key(String name, IdentityPart... parts)
    {
        return new IdentityKey(name, ImmutableSortedSet.copyOf(parts));
    }

    static String sha256(String text)
    {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
