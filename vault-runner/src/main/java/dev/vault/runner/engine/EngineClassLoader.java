package dev.vault.runner.engine;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of the embedded engine's jars (see {@link LocalEngineFactory#ENGINE_CLASSPATH}):
 * its own jars first, so that a library both class paths hold (Iceberg's API, Guava, Jackson) comes
 * whole from the engine's jars: a package split across two loaders fails on its package-private
 * access. Only vault's own classes ({@code dev.vault.}) come from the application first, since the
 * two sides meet through them ({@link LocalEngineFactory}, {@link LocalEngine}, the model's records).
 */
final class EngineClassLoader
        extends URLClassLoader
{
    private static final String SHARED = "dev.vault.";

    EngineClassLoader(URL[] urls, ClassLoader parent)
    {
        super("vault-engine", urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        if (name.startsWith(SHARED)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    // the JDK's own classes, whoever asks
                    loaded = ClassLoader.getPlatformClassLoader().loadClass(name);
                }
                catch (ClassNotFoundException notPlatform) {
                    try {
                        loaded = findClass(name);
                    }
                    catch (ClassNotFoundException notEngine) {
                        return super.loadClass(name, resolve);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name)
    {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }
}
