package dev.vault.runner.engine;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.ServiceLoader;

/**
 * Starts an in-JVM engine. The implementation lives in {@code vault-embedded} and is found
 * through {@link ServiceLoader}, so that applications that only talk to a cluster never carry
 * Trino's server jars.
 */
public interface LocalEngineFactory
{
    /**
     * @param warehouse folder holding the Iceberg tables and the file metastore; created if missing
     * @param catalog name of the Iceberg catalog to expose
     * @param port HTTP port to listen on, or empty for any free port
     * @param logFile where the engine's own log goes; empty leaves the JVM's logging as it is
     */
    LocalEngine start(Path warehouse, String catalog, OptionalInt port, java.util.Optional<Path> logFile);

    static LocalEngineFactory load()
    {
        Iterator<LocalEngineFactory> factories = ServiceLoader.load(LocalEngineFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE,
                    "the embedded engine is not on the classpath: add the dependency dev.vault:vault-embedded, " +
                            "or run against a cluster with --jdbc-url jdbc:trino://host:port/iceberg (or a 'trino' target in vault.yml)");
        }
        return factories.next();
    }
}
