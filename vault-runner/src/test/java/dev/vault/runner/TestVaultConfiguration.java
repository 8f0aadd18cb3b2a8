package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.VaultConfiguration.ResolvedTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestVaultConfiguration
{
    private static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path directory;

    @Test
    void loadsTheDefaultEmbeddedTargetWithoutStartingAnEngine()
    {
        RecordingListener listener = new RecordingListener();
        try (Vault vault = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .listener(listener)
                .environment(Map.of())
                .load()) {
            assertThat(vault.project().config().name()).isEqualTo("fixture");
            assertThat(vault.project().models()).containsKeys("customers", "stg_customers", "hub_customer", "mart_customers");
        }
        assertThat(listener.events).isEmpty();
    }

    @Test
    void trinoTargetWithItsPasswordVariableMissingIsAnInvalidProjectWhenConnecting()
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .environment(Map.of("SOME_OTHER_VARIABLE", PASSWORD));

        assertThatThrownBy(() -> connect(configuration))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("'local'")
                .hasMessageContaining(FixtureProject.PASSWORD_VARIABLE)
                .hasMessageContaining("not set")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void anEmptyPasswordVariableCountsAsMissing()
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, ""));

        assertThatThrownBy(() -> connect(configuration))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining(FixtureProject.PASSWORD_VARIABLE);
    }

    @Test
    void trinoTargetWithItsPasswordVariableSetLoads()
    {
        RecordingListener listener = new RecordingListener();
        try (Vault vault = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .listener(listener)
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD))
                .load()) {
            assertThat(vault.project().config().target("local")).isNotNull();
        }
        assertThat(listener.events).isEmpty();
    }

    @Test
    void passwordVariableOfTheConfigurationOverridesTheTargets()
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .passwordEnvironmentVariable("MY_PASSWORD")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD));

        assertThatThrownBy(() -> connect(configuration))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("MY_PASSWORD");

        configuration.environment(Map.of("MY_PASSWORD", PASSWORD));
        assertThatCode(() -> configuration.load().close()).doesNotThrowAnyException();
    }

    @Test
    void aPasswordGivenDirectlyNeedsNoVariable()
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .password(PASSWORD)
                .environment(Map.of());
        assertThatCode(() -> configuration.load().close()).doesNotThrowAnyException();
    }

    @Test
    void jdbcUrlMustBeATrinoUrl()
    {
        Path project = FixtureProject.in(directory).write();
        for (String url : new String[] {"jdbc:postgresql://db.example.com/iceberg", "trino://localhost:8080/iceberg", "http://localhost:8080", ""}) {
            assertThatThrownBy(() -> Vault.configure().projectDirectory(project).jdbcUrl(url).environment(Map.of()).load())
                    .as(url)
                    .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                    .hasMessageContaining("jdbc:trino://");
        }
    }

    @Test
    void jdbcUrlReplacesTheTargetAndItsPasswordVariable()
    {
        // the 'local' target reads a password variable, but a URL given directly does not
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .jdbcUrl("jdbc:trino://localhost:8080/iceberg")
                .environment(Map.of());
        assertThatCode(() -> configuration.load().close()).doesNotThrowAnyException();
    }

    @Test
    void unknownTargetIsAnInvalidProjectWithASuggestion()
    {
        Path project = FixtureProject.in(directory).write();

        assertThatThrownBy(() -> Vault.configure().projectDirectory(project).target("locl").load())
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("no target 'locl'")
                .hasMessageContaining("did you mean 'local'?");
        assertThatThrownBy(() -> Vault.configure().projectDirectory(project).target("production").load())
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("no target 'production'")
                .hasMessageContaining("expected one of: embedded, local");
    }

    @Test
    void folderWithoutVaultYmlIsAnInvalidProject()
    {
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).load())
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("no vault.yml");
    }

    @Test
    void resolvedTrinoTargetNeverPrintsItsPassword()
    {
        ResolvedTarget target = new ResolvedTarget.Trino("local", "jdbc:trino://trino.example.com:443/iceberg?SSL=true", "etl", new VaultConfiguration.PasswordSource("local", Optional.of(PASSWORD), Optional.empty(), Map.of()));

        assertThat(target.toString())
                .isEqualTo("Trino[name=local, jdbcUrl=jdbc:trino://trino.example.com:443/iceberg?SSL=true, user=etl]")
                .doesNotContain(PASSWORD);
        // nor one written in the URL
        ResolvedTarget inUrl = new ResolvedTarget.Trino("command line", "jdbc:trino://h:443/iceberg?password=" + PASSWORD + "&SSL=true", "etl", VaultConfiguration.PasswordSource.none());
        assertThat(inUrl.toString())
                .contains("password=****&SSL=true")
                .doesNotContain(PASSWORD);
    }

    @Test
    void resolvedEmbeddedTargetPrintsItsWarehouse()
    {
        ResolvedTarget target = new ResolvedTarget.Embedded("embedded", Path.of("/data/warehouse"), OptionalInt.of(8080));
        assertThat(target.toString()).contains("embedded").contains("/data/warehouse").contains("8080");
    }

    /** Loads and connects; the password is resolved before any connection is attempted. */
    private static void connect(VaultConfiguration configuration)
    {
        try (Vault vault = configuration.load()) {
            vault.session();
        }
    }
}
