package dev.vault.core.project;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** Where a project runs: the embedded engine on a local warehouse, or a Trino cluster. */
public sealed interface TargetConfig
        permits TargetConfig.Embedded, TargetConfig.Trino
{
    String name();

    /**
     * @param warehouse absolute folder of the local Iceberg warehouse
     * @param port fixed HTTP port (for {@code vault serve}), or any free one
     */
    record Embedded(String name, Path warehouse, OptionalInt port)
            implements TargetConfig
    {
        public Embedded
        {
            requireNonNull(name, "name is null");
            requireNonNull(warehouse, "warehouse is null");
            requireNonNull(port, "port is null");
        }
    }

    /**
     * @param jdbcUrl a trino-jdbc URL without credentials
     * @param passwordEnv name of the environment variable holding the password, never the password
     */
    record Trino(String name, String jdbcUrl, Optional<String> user, Optional<String> passwordEnv)
            implements TargetConfig
    {
        public Trino
        {
            requireNonNull(name, "name is null");
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(passwordEnv, "passwordEnv is null");
        }
    }
}
