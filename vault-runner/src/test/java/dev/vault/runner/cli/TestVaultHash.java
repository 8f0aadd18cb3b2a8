package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.runner.FixtureProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vault hash}: a lead's normalized parts and matching keys, without an engine. */
class TestVaultHash
{
    private static final String EMAIL_KEY = sha256("vault-person-v1|email=joao@email.com");
    private static final String NAME_PHONE_KEY = sha256("vault-person-v1|name=joao silva|phone=11999999999");
    /** generate_person_hash('João Silva', 'joao@email.com', '11999999999'), computed on Trino. */
    private static final String PERSON_HASH = "DA41B3E9996E49362542027260149FF150EE68C809629C3C4FD94D795A067340";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void text()
    {
        assertThat(execute("hash", "-p", directory.toString(), "--name", "João Silva", "--email", " Joao@Email.com ", "--phone", "+55 (11) 9999-9999")).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  joao silva",
                "email                 joao@email.com",
                "phone                 11999999999",
                "key email             " + EMAIL_KEY,
                "key name_phone        " + NAME_PHONE_KEY,
                "generate_person_hash  " + PERSON_HASH);
        assertThat(err()).isEmpty();
    }

    @Test
    void absentPartsAndKeysAreNone()
    {
        assertThat(execute("hash", "-p", directory.toString(), "--email", "joao@email.com")).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  (none)",
                "email                 joao@email.com",
                "phone                 (none)",
                "key email             " + EMAIL_KEY,
                "key name_phone        (none)",
                // with only the email, generate_person_hash is the email key
                "generate_person_hash  " + EMAIL_KEY);
    }

    @Test
    void invalidPartsAreNone()
    {
        assertThat(execute("hash", "-p", directory.toString(), "--name", "Νίκος", "--email", "joao@localhost", "--phone", "(11) 1234-5678")).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  (none)",
                "email                 (none)",
                "phone                 (none)",
                "key email             (none)",
                "key name_phone        (none)",
                "generate_person_hash  (none)");
    }

    @Test
    void nothingAtAll()
    {
        assertThat(execute("hash", "-p", directory.toString())).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  (none)",
                "email                 (none)",
                "phone                 (none)",
                "key email             (none)",
                "key name_phone        (none)",
                "generate_person_hash  (none)");
    }

    @Test
    void json()
            throws Exception
    {
        assertThat(execute("hash", "-p", directory.toString(), "-f", "json", "--name", "João Silva", "--email", "joao@email.com", "--phone", "11999999999")).isEqualTo(0);

        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(names(json)).containsExactly("name", "email", "phone", "keys", "generate_person_hash");
        assertThat(json.get("name").asText()).isEqualTo("joao silva");
        assertThat(json.get("email").asText()).isEqualTo("joao@email.com");
        assertThat(json.get("phone").asText()).isEqualTo("11999999999");
        assertThat(names(json.get("keys"))).containsExactly("email", "name_phone");
        assertThat(json.get("keys").get("email").asText()).isEqualTo(EMAIL_KEY);
        assertThat(json.get("keys").get("name_phone").asText()).isEqualTo(NAME_PHONE_KEY);
        assertThat(json.get("generate_person_hash").asText()).isEqualTo(PERSON_HASH);
        assertThat(err()).isEmpty();
    }

    @Test
    void jsonWithAbsentParts()
            throws Exception
    {
        assertThat(execute("hash", "-p", directory.toString(), "--format", "json", "--name", "João Silva", "--phone", "11 99999-9999")).isEqualTo(0);

        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("name").asText()).isEqualTo("joao silva");
        assertThat(json.get("email").isNull()).isTrue();
        assertThat(json.get("phone").asText()).isEqualTo("11999999999");
        // absent keys are left out of 'keys'
        assertThat(names(json.get("keys"))).containsExactly("name_phone");
        assertThat(json.get("keys").get("name_phone").asText()).isEqualTo(NAME_PHONE_KEY);
        assertThat(json.get("generate_person_hash").asText()).isEqualTo(NAME_PHONE_KEY);
    }

    @Test
    void usesTheProjectsIdentityKeys()
    {
        Path project = FixtureProject.in(directory).file("vault.yml", FixtureProject.CONFIG + """
                identity:
                  default-country: US
                  keys:
                    email_phone: [phone, email]
                    name: [name]
                """).write();

        assertThat(execute("hash", "-p", project.toString(), "--name", "John Smith", "--email", "John.Smith+x@Gmail.com", "--phone", "+1 (415) 555-2671")).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  john smith",
                "email                 johnsmith@gmail.com",
                // US: the digits, without Brazilian rules
                "phone                 14155552671",
                "key email_phone       " + sha256("vault-person-v1|email=johnsmith@gmail.com|phone=14155552671"),
                "key name              " + sha256("vault-person-v1|name=john smith"),
                "generate_person_hash  " + sha256("vault-person-v1|name=john smith|email=johnsmith@gmail.com|phone=14155552671"));
        assertThat(err()).isEmpty();
    }

    @Test
    void projectWithoutAnIdentityBlockUsesTheDefaults()
    {
        Path project = FixtureProject.in(directory).write();

        assertThat(execute("hash", "-p", project.toString(), "--name", "João Silva", "--email", "joao@email.com", "--phone", "11999999999")).isEqualTo(0);

        assertThat(out().lines()).containsExactly(
                "name                  joao silva",
                "email                 joao@email.com",
                "phone                 11999999999",
                "key email             " + EMAIL_KEY,
                "key name_phone        " + NAME_PHONE_KEY,
                "generate_person_hash  " + PERSON_HASH);
    }

    @Test
    void invalidIdentityBlockIsAnInvalidProject()
            throws Exception
    {
        Path project = FixtureProject.in(directory).file("vault.yml", FixtureProject.CONFIG + """
                identity:
                  default-country: Brazil
                """).write();
        assertThat(project.resolve("vault.yml")).exists();
        assertThat(Files.readString(project.resolve("vault.yml"))).contains("default-country: Brazil");

        assertThat(execute("hash", "-p", project.toString(), "--email", "joao@email.com")).isEqualTo(3);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("'default-country' must be a two-letter ISO country code such as BR, found 'Brazil'");
    }

    @Test
    void unknownFormatIsACommandLineError()
    {
        assertThat(execute("hash", "-p", directory.toString(), "-f", "xml", "--email", "joao@email.com")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownFormatIsReportedOnTheConsole()
    {
        assertThat(execute("hash", "-p", directory.toString(), "-f", "xml", "--email", "joao@email.com")).isEqualTo(2);
        assertThat(err()).contains("unknown format 'xml': use text or json").contains("Usage: vault hash");
    }

    @Test
    void helpListsTheOptions()
    {
        assertThat(execute("help", "hash")).isEqualTo(0);
        assertThat(out()).contains("Usage: vault hash").contains("--name").contains("--email").contains("--phone").contains("--project-dir").contains("--format");
    }

    @Test
    void listedAmongTheCommands()
    {
        assertThat(execute("--help")).isEqualTo(0);
        assertThat(out()).containsPattern("(?m)^\\s+hash\\s");
        assertThat(List.of(out().split("\\R"))).anyMatch(line -> line.strip().startsWith("hash "));
    }

    private int execute(String... args)
    {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return VaultCli.execute(console, args);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256(String text)
    {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
