package dev.vault.runner.engine;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;

/**
 * Starts an in-JVM engine. The implementation lives in {@code vault-embedded} and is found
 * through {@link ServiceLoader}, so that applications that only talk to a cluster never carry
 * Trino's server jars.
 * <p>
 * The {@code ./vault} launcher keeps those jars (about 480) off the CLI's class path and names
 * them in the system property {@value #ENGINE_CLASSPATH} instead: every command would otherwise
 * pay for class and resource look-ups that scan them all (picocli's probe for Groovy, logger
 * discovery), about a CPU second, though only a command that starts an engine needs them. They
 * are loaded, in a class loader of their own, when an engine starts.
 */
public interface LocalEngineFactory
{
    /** The system property naming the embedded engine's class path, when it is not on the application's. */
    String ENGINE_CLASSPATH = "vault.engine.classpath";

    /**
     * @param warehouse folder holding the Iceberg tables and the file metastore; created if missing
     * @param catalog name of the Iceberg catalog to expose
     * @param port HTTP port to listen on, or empty for any free port
     * @param logFile where the engine's own log goes; empty leaves the JVM's logging as it is
     */
    LocalEngine start(Path warehouse, String catalog, OptionalInt port, Optional<Path> logFile);

    static LocalEngineFactory load()
    {
        Iterator<LocalEngineFactory> factories = ServiceLoader.load(LocalEngineFactory.class).iterator();
        if (factories.hasNext()) {
            return factories.next();
        }
        String classpath = System.getProperty(ENGINE_CLASSPATH);
        if (classpath != null && !classpath.isBlank()) {
            ClassLoader loader = new EngineClassLoader(urls(classpath), LocalEngineFactory.class.getClassLoader());
            Iterator<LocalEngineFactory> isolated = ServiceLoader.load(LocalEngineFactory.class, loader).iterator();
            if (isolated.hasNext()) {
                return new IsolatedEngineFactory(isolated.next(), loader);
            }
        }
        throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE,
                "the embedded engine is not on the classpath: add the dependency dev.vault:vault-embedded, " +
                        "or run against a cluster with --jdbc-url jdbc:trino://host:port/iceberg (or a 'trino' target in vault.yml)");
    }

    private static URL[] urls(String classpath)
    {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                }
                catch (MalformedURLException e) {
                    throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "not a class path entry in %s: %s".formatted(ENGINE_CLASSPATH, entry), e);
                }
            }
        }
        return urls.toArray(URL[]::new);
    }
}
