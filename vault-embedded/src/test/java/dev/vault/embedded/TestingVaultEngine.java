package dev.vault.embedded;

import dev.vault.runner.Vault;
import dev.vault.runner.VaultConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
