package dev.vault.runner.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * An engine factory whose classes come from a class loader of their own (see
 * {@link LocalEngineFactory#ENGINE_CLASSPATH}). The engine starts with that loader as the thread's
 * context class loader: Trino finds its services through it, and the threads it starts inherit it.
 */
record IsolatedEngineFactory(LocalEngineFactory delegate, ClassLoader loader)
        implements LocalEngineFactory
{
    IsolatedEngineFactory
    {
        requireNonNull(delegate, "delegate is null");
        requireNonNull(loader, "loader is null");
    }

    @Override
    public LocalEngine start(Path warehouse, String catalog, OptionalInt port, Optional<Path> logFile)
    {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return delegate.start(warehouse, catalog, port, logFile);
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }
}
