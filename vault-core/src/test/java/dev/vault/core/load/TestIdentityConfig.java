package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vault.core.TestingProjects.project;
import static dev.vault.core.identity.IdentityPart.EMAIL;
import static dev.vault.core.identity.IdentityPart.NAME;
import static dev.vault.core.identity.IdentityPart.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code identity:} block of vault.yml, read through {@link ProjectLoader}. */
class TestIdentityConfig
{
    @TempDir
    Path directory;

    @Test
    void defaultsWhenAbsent()
    {
        IdentitySettings identity = identity("name: test_vault\n");

        assertThat(identity).isEqualTo(IdentitySettings.defaults());
        assertThat(identity.defaultCountry()).isEqualTo("BR");
        assertThat(identity.keys()).containsExactly(key("email", EMAIL), key("name_phone", NAME, PHONE));
        assertThat(identity.maxRecordsPerKey()).isEqualTo(50);
    }

    @Test
    void emptyBlockMeansDefaults()
    {
        assertThat(identity("name: test_vault\nidentity: {}\n")).isEqualTo(IdentitySettings.defaults());
    }

    @Test
    void eachSettingHasItsOwnDefault()
    {
        assertThat(identity("name: test_vault\nidentity:\n  default-country: PT\n"))
                .isEqualTo(new IdentitySettings("PT", IdentitySettings.defaults().keys(), 50));
        assertThat(identity("name: test_vault\nidentity:\n  max-records-per-key: 2\n"))
                .isEqualTo(new IdentitySettings("BR", IdentitySettings.defaults().keys(), 2));
        assertThat(identity("name: test_vault\nidentity:\n  keys:\n    email: [email]\n"))
                .isEqualTo(new IdentitySettings("BR", ImmutableList.of(key("email", EMAIL)), 50));
    }

    @Test
    void customKeysAndCountry()
    {
        IdentitySettings identity = identity("""
                name: test_vault
                identity:
                  default-country: PT
                  max-records-per-key: 10
                  keys:
                    email_only: [email]
                    everything: [phone, name, email]
                    name_phone: [name, phone]
                    phone: phone
                """);

        assertThat(identity).isEqualTo(new IdentitySettings("PT", ImmutableList.of(
                key("email_only", EMAIL),
                key("everything", NAME, EMAIL, PHONE),
                key("name_phone", NAME, PHONE),
                key("phone", PHONE)), 10));
        // parts are in canonical order whatever the order written
        assertThat(identity.keys().get(1).parts()).containsExactly(NAME, EMAIL, PHONE);
    }

    @Test
    void unknownPartWithSuggestion()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    email: [email]
                    name_phone: [name, phnoe]
                """))
                .hasToString("vault.yml:5:24: identity key 'name_phone' has part 'phnoe'; parts are name, email, phone or a part a stage declares under 'identity: parts:'; did you mean 'phone'?");
    }

    @Test
    void unknownPartWithoutACloseMatch()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    name_address: [name, address]
                """))
                .hasToString("vault.yml: identity key 'name_address' of vault.yml has part 'address', which no stage declares: there is no identity hub; "
                        + "parts available: name, email, phone, or a part a stage of an identity hub declares under 'identity: parts:'");
    }

    @Test
    void duplicateKeyParts()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    name_phone: [name, phone]
                    phone_name: [phone, name]
                """))
                .hasToString("vault.yml:5:5: identity key 'phone_name' has the same parts as an earlier key; remove one");
    }

    @Test
    void partListedTwiceInAKey()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    email: [email, email]
                """))
                .hasToString("vault.yml:4:20: 'email' is listed twice in 'email' of 'keys' of 'identity'");
    }

    @Test
    void invalidKeyName()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    Name-Phone: [name, phone]
                """))
                .hasToString("vault.yml:4:5: identity key name 'Name-Phone' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'name_phone')");
    }

    @Test
    void keyWithoutParts()
    {
        assertThat(problem("""
                name: test_vault
                identity:
                  keys:
                    email: []
                """))
                .hasToString("vault.yml:4:12: 'email' of 'keys' of 'identity' must list at least one value");
    }

    @Test
    void noKeys()
    {
        assertThat(problem("name: test_vault\nidentity:\n  keys: {}\n"))
                .hasToString("vault.yml:3:9: 'keys' of 'identity' must define at least one key, e.g. 'email: [email]'");
    }

    @Test
    void keysMustBeAMapping()
    {
        assertThat(problem("name: test_vault\nidentity:\n  keys: [email, name_phone]\n"))
                .hasToString("vault.yml:3:9: 'keys' of 'identity' must be a mapping of 'key: value' lines, found a list");
    }

    @Test
    void badCountry()
    {
        assertThat(problem("name: test_vault\nidentity:\n  default-country: Brazil\n"))
                .hasToString("vault.yml:3:20: 'default-country' must be a two-letter ISO country code such as BR, found 'Brazil'");
        assertThat(problem("name: test_vault\nidentity:\n  default-country: br\n"))
                .hasToString("vault.yml:3:20: 'default-country' must be a two-letter ISO country code such as BR, found 'br'");
        assertThat(problem("name: test_vault\nidentity:\n  default-country: BRA\n"))
                .hasToString("vault.yml:3:20: 'default-country' must be a two-letter ISO country code such as BR, found 'BRA'");
    }

    @Test
    void maxRecordsPerKeyBelowTwo()
    {
        assertThat(problem("name: test_vault\nidentity:\n  max-records-per-key: 1\n"))
                .hasToString("vault.yml:3:24: 'max-records-per-key' of 'identity' of vault.yml must be between 2 and 2147483647, found 1");
        assertThat(problem("name: test_vault\nidentity:\n  max-records-per-key: 0\n"))
                .hasToString("vault.yml:3:24: 'max-records-per-key' of 'identity' of vault.yml must be between 2 and 2147483647, found 0");
        assertThat(problem("name: test_vault\nidentity:\n  max-records-per-key: -5\n"))
                .hasToString("vault.yml:3:24: 'max-records-per-key' of 'identity' of vault.yml must be between 2 and 2147483647, found -5");
        assertThat(problem("name: test_vault\nidentity:\n  max-records-per-key: many\n"))
                .hasToString("vault.yml:3:24: 'max-records-per-key' of 'identity' of vault.yml must be a whole number, found 'many'");
    }

    @Test
    void unknownKeyInTheBlock()
    {
        assertThat(problem("name: test_vault\nidentity:\n  country: BR\n"))
                .hasToString("vault.yml:3:3: unknown key 'country' in 'identity' of vault.yml; expected one of: comparisons, default-country, keys, max-records-per-key");
        assertThat(problem("name: test_vault\nidentity:\n  max-record-per-key: 10\n"))
                .hasToString("vault.yml:3:3: unknown key 'max-record-per-key' in 'identity' of vault.yml; did you mean 'max-records-per-key'?");
    }

    @Test
    void identityMustBeAMapping()
    {
        assertThat(problem("name: test_vault\nidentity: [email]\n"))
                .hasToString("vault.yml:2:11: 'identity' of vault.yml must be a mapping of 'key: value' lines, found a list");
    }

    @Test
    void everyProblemIsReported()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                identity:
                  default-country: bra
                  max-records-per-key: 1
                  keys:
                    email: [mail]
                    Phone: [phone]
                """).problems())
                .extracting(Problem::toString)
                .containsExactlyInAnyOrder(
                        "vault.yml:3:20: 'default-country' must be a two-letter ISO country code such as BR, found 'bra'",
                        "vault.yml:4:24: 'max-records-per-key' of 'identity' of vault.yml must be between 2 and 2147483647, found 1",
                        "vault.yml:6:13: identity key 'email' has part 'mail'; parts are name, email, phone or a part a stage declares under 'identity: parts:'; did you mean 'email'?",
                        "vault.yml:7:5: identity key name 'Phone' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'phone')");
    }

    @Test
    void noKeysIsReportedWithOtherProblems()
    {
        // one pass reports every problem of vault.yml; an empty 'keys' is one even when another setting is wrong too
        assertThat(project(directory).file("vault.yml", "name: test_vault\ncatalog: Lake\nidentity:\n  keys: {}\n").problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:2:10: catalog 'Lake' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'lake')",
                        "vault.yml:4:9: 'keys' of 'identity' must define at least one key, e.g. 'email: [email]'");
    }

    private IdentitySettings identity(String vaultYml)
    {
        return project(directory).file("vault.yml", vaultYml).load().config().identity();
    }

    private Problem problem(String vaultYml)
    {
        return project(directory).file("vault.yml", vaultYml).problem();
    }

    private static IdentityKey key(String name, IdentityPart... parts)
    {
        return new IdentityKey(name, ImmutableSortedSet.copyOf(parts));
    }
}
