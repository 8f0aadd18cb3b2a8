package dev.vault.embedded;

import dev.vault.core.identity.IdentitySettings;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultConfiguration;
import dev.vault.sql.IdentitySql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One embedded Trino for the whole test JVM: starting one takes seconds, so test classes share it
 * and keep apart by using schemas of their own. Tests reach it through its JDBC URL, the same
 * path vault takes to any cluster.
 */
public final class TestingVaultEngine
{
    private static EmbeddedTrino engine;

    private TestingVaultEngine() {}

    public static synchronized String jdbcUrl()
    {
        if (engine == null) {
            Path warehouse;
            try {
                warehouse = Files.createTempDirectory("vault-test-warehouse");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            engine = EmbeddedTrino.start(warehouse, "iceberg", OptionalInt.empty(), Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "vault-test-engine-shutdown"));
            // as the runner does when it starts an embedded engine: the identity functions, callable in plain SQL
            try (Connection connection = DriverManager.getConnection(engine.jdbcUrl() + "/iceberg", "vault", null);
                    Statement statement = connection.createStatement()) {
                for (String function : new IdentitySql(IdentitySettings.defaults()).functions(EmbeddedTrino.FUNCTION_CATALOG, EmbeddedTrino.FUNCTION_SCHEMA)) {
                    statement.execute(function);
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot create the identity functions", e);
            }
        }
        return engine.jdbcUrl() + "/iceberg";
    }

    /** A Vault configuration for a project folder, pointed at the shared engine. */
    public static VaultConfiguration configure(Path projectDirectory)
    {
        return Vault.configure()
                .projectDirectory(projectDirectory)
                .jdbcUrl(jdbcUrl());
    }
}
