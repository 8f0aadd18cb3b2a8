package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.VaultConfiguration.ResolvedTarget;
import io.trino.jdbc.TrinoConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestVaultConfiguration
{
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String OTHER_PASSWORD = "tr0ub4dor-and-3";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.token-body.signature";

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
            throws Exception
    {
        RecordingListener listener = new RecordingListener();
        try (TestingRecordingDriver driver = TestingRecordingDriver.install();
                Vault vault = Vault.configure()
                        .projectDirectory(FixtureProject.in(directory).write())
                        .target("local")
                        .listener(listener)
                        .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD))
                        .load()) {
            // loading connects to nothing; the password is read when connecting
            assertThat(listener.events).isEmpty();
            assertThat(driver.connections()).isEmpty();

            vault.session();
            TestingRecordingDriver.Connect connect = driver.connection();
            assertThat(connect.url()).isEqualTo("jdbc:trino://trino.example.com:443/iceberg?SSL=true");
            assertThat(connect.properties().getProperty("user")).isEqualTo("etl");
            assertThat(connect.properties().getProperty("password")).isEqualTo(PASSWORD);
        }
    }

    @Test
    void passwordVariableOfTheConfigurationOverridesTheTargets()
            throws Exception
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .passwordEnvironmentVariable("MY_PASSWORD")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD));

        assertThatThrownBy(() -> connect(configuration))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("MY_PASSWORD");

        // both variables set: the configuration's is the one used
        configuration.environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD, "MY_PASSWORD", OTHER_PASSWORD));
        try (TestingRecordingDriver driver = TestingRecordingDriver.install()) {
            connect(configuration);
            assertThat(driver.connection().properties().getProperty("password")).isEqualTo(OTHER_PASSWORD);
        }
    }

    @Test
    void aPasswordGivenDirectlyNeedsNoVariable()
            throws Exception
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .password(PASSWORD)
                .environment(Map.of());
        try (TestingRecordingDriver driver = TestingRecordingDriver.install()) {
            connect(configuration);
            assertThat(driver.connection().properties().getProperty("user")).isEqualTo("etl");
            assertThat(driver.connection().properties().getProperty("password")).isEqualTo(PASSWORD);
        }
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
            throws Exception
    {
        // the 'local' target reads a password variable, but a URL given directly does not
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .jdbcUrl("jdbc:trino://localhost:8080/iceberg")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD));
        try (TestingRecordingDriver driver = TestingRecordingDriver.install()) {
            connect(configuration);
            TestingRecordingDriver.Connect connect = driver.connection();
            assertThat(connect.url()).isEqualTo("jdbc:trino://localhost:8080/iceberg");
            assertThat(connect.properties()).doesNotContainKey("password");
            assertThat(connect.properties().getProperty("user")).isEqualTo(VaultConfiguration.DEFAULT_USER);
        }
    }

    @Test
    void aSecretInTheDriversErrorReachesNeitherTheMessageNorItsCauses()
            throws Exception
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD));
        SQLException failure = new SQLException("authentication failed", new IllegalStateException("password '" + PASSWORD + "' rejected"));
        try (TestingRecordingDriver driver = TestingRecordingDriver.failing(failure)) {
            assertThatThrownBy(() -> connect(configuration))
                    .isInstanceOfSatisfying(VaultException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE);
                        assertThat(e).hasMessageContaining("rejected");
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        assertThat(trace.toString()).doesNotContain(PASSWORD);
                        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                            assertThat(String.valueOf(cause.getMessage())).doesNotContain(PASSWORD);
                        }
                    });
            assertThat(driver.connection().properties().getProperty("password")).isEqualTo(PASSWORD);
        }
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
        ResolvedTarget target = new ResolvedTarget.Trino("local", "jdbc:trino://trino.example.com:443/iceberg?SSL=true", "etl", VaultConfiguration.SecretSource.value("local", PASSWORD));

        assertThat(target.toString())
                .startsWith("Trino[name=local, jdbcUrl=jdbc:trino://trino.example.com:443/iceberg?SSL=true, user=etl, credential=SecretSource[target=local, password=given]")
                .doesNotContain(PASSWORD);
        // nor one written in the URL
        ResolvedTarget inUrl = new ResolvedTarget.Trino("command line", "jdbc:trino://h:443/iceberg?password=" + PASSWORD + "&SSL=true", "etl", VaultConfiguration.SecretSource.none());
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

    @Test
    void connectionPropertiesOfATargetWithEverything()
            throws Exception
    {
        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/token"), TOKEN + "\n");
        Path project = FixtureProject.in(directory).file("vault.yml", """
                name: fixture
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    user: etl
                    token-file: secrets/token
                    ssl: true
                    ssl-verification: CA
                    ssl-truststore-path: certs/truststore.p12
                    ssl-truststore-password-env: TRUSTSTORE_PASSWORD
                    ssl-truststore-type: PKCS12
                    session-properties:
                      query_max_run_time: 2h
                      iceberg.compression_codec: ZSTD
                """).write();

        ResolvedTarget.Trino target = trinoTarget(Vault.configure().projectDirectory(project).target("prod").environment(Map.of("TRUSTSTORE_PASSWORD", PASSWORD)));
        VaultConfiguration.ConnectionProperties connection = target.connectionProperties();

        Properties expected = new Properties();
        expected.setProperty("user", "etl");
        expected.setProperty("source", "vault");
        expected.setProperty("accessToken", TOKEN);
        expected.setProperty("SSL", "true");
        expected.setProperty("SSLVerification", "CA");
        expected.setProperty("SSLTrustStorePath", project.toAbsolutePath().normalize().resolve("certs/truststore.p12").toString());
        expected.setProperty("SSLTrustStorePassword", PASSWORD);
        expected.setProperty("SSLTrustStoreType", "PKCS12");
        expected.setProperty("sessionProperties", "query_max_run_time:2h;iceberg.compression_codec:ZSTD");
        assertThat(connection.properties()).isEqualTo(expected);
        assertThat(connection.secrets()).containsExactlyInAnyOrder(TOKEN, PASSWORD);
        // what vault prints about a target never holds its secrets
        assertThat(connection.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD).contains("accessToken");
        assertThat(target.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD).contains("secrets/token").contains("TRUSTSTORE_PASSWORD");
    }

    @Test
    void trinoJdbcAcceptsTheConnectionProperties()
            throws Exception
    {
        // an empty trust store is enough: trino-jdbc loads it when the connection is made
        Path trustStore = directory.resolve("truststore.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(trustStore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Files.writeString(directory.resolve("token"), TOKEN + "\n");
        Path project = FixtureProject.in(directory).file("vault.yml", """
                name: fixture
                targets:
                  prod:
                    jdbc-url: jdbc:trino://127.0.0.1:9/iceberg
                    token-file: token
                    ssl: true
                    ssl-verification: FULL
                    ssl-truststore-path: truststore.p12
                    ssl-truststore-password-env: TRUSTSTORE_PASSWORD
                    ssl-truststore-type: PKCS12
                    session-properties:
                      query_max_run_time: 2h
                      iceberg.compression_codec: ZSTD
                """).write();
        ResolvedTarget.Trino target = trinoTarget(Vault.configure().projectDirectory(project).target("prod").environment(Map.of("TRUSTSTORE_PASSWORD", PASSWORD)));

        // trino-jdbc checks the properties when the connection is made, and connects to the server lazily
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.connectionProperties().properties())) {
            Method sessionProperties = connection.unwrap(TrinoConnection.class).getClass().getDeclaredMethod("getSessionProperties");
            sessionProperties.setAccessible(true);
            assertThat(sessionProperties.invoke(connection.unwrap(TrinoConnection.class)))
                    .isEqualTo(Map.of("query_max_run_time", "2h", "iceberg.compression_codec", "ZSTD"));
        }
    }

    @Test
    void connectionPropertiesOfThePlainFixtureTarget()
    {
        ResolvedTarget.Trino target = trinoTarget(Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .environment(Map.of(FixtureProject.PASSWORD_VARIABLE, PASSWORD)));

        Properties expected = new Properties();
        expected.setProperty("user", "etl");
        expected.setProperty("source", "vault");
        expected.setProperty("password", PASSWORD);
        assertThat(target.connectionProperties().properties()).isEqualTo(expected);
    }

    @Test
    void passwordFileIsReadWhenConnectingWithoutItsTrailingLineBreak()
            throws Exception
    {
        Path project = FixtureProject.in(directory).file("vault.yml", """
                name: fixture
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                    password-file: trino-password
                """).write();
        VaultConfiguration configuration = Vault.configure().projectDirectory(project).target("prod").environment(Map.of());

        // no file yet: loading needs none, connecting says which target and file
        ResolvedTarget.Trino target = trinoTarget(configuration);
        assertThatThrownBy(target::connectionProperties)
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("target 'prod' reads its password from the file %s, which cannot be read (NoSuchFileException)", project.toAbsolutePath().normalize().resolve("trino-password"));

        Files.writeString(project.resolve("trino-password"), PASSWORD + "\r\n");
        assertThat(target.connectionProperties().properties().getProperty("password")).isEqualTo(PASSWORD);
        Files.writeString(project.resolve("trino-password"), "\n");
        assertThatThrownBy(target::connectionProperties)
                .hasMessageContaining("target 'prod'")
                .hasMessageEndingWith("trino-password, which is empty");
    }

    @Test
    void passwordFileOfTheConfigurationReplacesTheTargetsCredential()
            throws Exception
    {
        Path file = directory.resolve("password.txt");
        Files.writeString(file, PASSWORD + "\n");
        ResolvedTarget.Trino target = trinoTarget(Vault.configure()
                .projectDirectory(FixtureProject.in(directory).write())
                .target("local")
                .passwordFile(file)
                .environment(Map.of()));
        assertThat(target.connectionProperties().properties().getProperty("password")).isEqualTo(PASSWORD);

        assertThatThrownBy(() -> trinoTarget(Vault.configure()
                .projectDirectory(directory)
                .target("local")
                .passwordFile(file)
                .passwordEnvironmentVariable("MY_PASSWORD")
                .environment(Map.of("MY_PASSWORD", PASSWORD))))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("give one of them")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void targetCatalogAndSchemasNameTheTables()
    {
        Path project = FixtureProject.in(directory).file("vault.yml", """
                name: fixture
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                    catalog: lake
                    schemas:
                      silver: vault_silver
                """).write();
        try (Vault vault = Vault.configure().projectDirectory(project).target("prod").load()) {
            assertThat(vault.project().tableName(vault.project().model("hub_customer"))).hasToString("lake.vault_silver.hub_customer");
            assertThat(vault.project().tableName(vault.project().model("customers"))).hasToString("lake.bronze.customers");
            assertThat(vault.plan().models().get("hub_customer").statements().getFirst().sql()).contains("\"lake\".\"vault_silver\".\"hub_customer\"");
        }
        try (Vault vault = Vault.configure().projectDirectory(project).load()) {
            assertThat(vault.project().tableName(vault.project().model("hub_customer"))).hasToString("iceberg.silver.hub_customer");
        }
    }

    private static ResolvedTarget.Trino trinoTarget(VaultConfiguration configuration)
    {
        return (ResolvedTarget.Trino) configuration.resolvedTarget();
    }

    /** Loads and connects; the password is resolved before any connection is attempted. */
    private static void connect(VaultConfiguration configuration)
    {
        try (Vault vault = configuration.load()) {
            vault.session();
        }
    }
}
