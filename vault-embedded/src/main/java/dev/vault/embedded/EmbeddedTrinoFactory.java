package dev.vault.embedded;

import dev.vault.runner.engine.LocalEngine;
import dev.vault.runner.engine.LocalEngineFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

public final class EmbeddedTrinoFactory
        implements LocalEngineFactory
{
    @Override
    public LocalEngine start(Path warehouse, String catalog, OptionalInt port, Optional<Path> logFile)
    {
        return EmbeddedTrino.start(warehouse, catalog, port, logFile);
    }
}
