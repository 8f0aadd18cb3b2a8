package dev.vault.runner;

import com.google.common.base.Stopwatch;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.runner.engine.LocalEngine;
import dev.vault.runner.engine.LocalEngineFactory;
import dev.vault.runner.engine.WarehouseLock;
import dev.vault.runner.jdbc.EngineSession;
import dev.vault.runner.jdbc.Redaction;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.IdentitySql;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Connects a project to its engine: a Trino cluster, or the embedded engine on the target's
 * warehouse (started here, or the one a {@code vault serve} keeps up on it).
 */
final class EngineConnector
{
    private final Project project;
    private final VaultConfiguration.ResolvedTarget target;
    private final Optional<Path> engineLog;
    private final VaultListener listener;

    EngineConnector(Project project, VaultConfiguration.ResolvedTarget target, Optional<Path> engineLog, VaultListener listener)
    {
        this.project = requireNonNull(project, "project is null");
        this.target = requireNonNull(target, "target is null");
        this.engineLog = requireNonNull(engineLog, "engineLog is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    EngineSession connect()
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        EngineSession connected = switch (target) {
            case VaultConfiguration.ResolvedTarget.Embedded embedded -> connectEmbedded(embedded);
            case VaultConfiguration.ResolvedTarget.Trino trino -> {
                VaultConfiguration.ConnectionProperties properties = trino.connectionProperties();
                String description = Redaction.jdbcUrl(trino.jdbcUrl());
                listener.engineStarting("Connecting to Trino at " + description);
                yield EngineSession.connect(trino.jdbcUrl(), properties.properties(), properties.secrets(), Optional.empty(), description);
            }
        };
        listener.engineReady(connected.description(), stopwatch.elapsed());
        return connected;
    }

    /** Where this vault runs, without credentials and without connecting: for logs and run results. */
    String description()
    {
        return switch (target) {
            case VaultConfiguration.ResolvedTarget.Embedded embedded -> "embedded Trino on " + embedded.warehouse();
            case VaultConfiguration.ResolvedTarget.Trino trino -> Redaction.jdbcUrl(trino.jdbcUrl());
        };
    }

    /**
     * Starts the embedded engine on the target's warehouse, or, when a {@code vault serve} is
     * already running on it, connects to that one: one engine per warehouse, always.
     */
    private EngineSession connectEmbedded(VaultConfiguration.ResolvedTarget.Embedded embedded)
    {
        Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(embedded.warehouse());
        if (lock.isEmpty()) {
            Optional<String> served = WarehouseLock.servedAt(embedded.warehouse());
            if (served.isPresent() && embedded.port().isEmpty()) {
                listener.engineStarting("Using the embedded Trino of 'vault serve' at " + served.get());
                return EngineSession.connect(served.get(), VaultConfiguration.DEFAULT_USER, Optional.empty(), Optional.empty(), served.get());
            }
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, ("another vault process is using the warehouse %s: wait for it to finish, " +
                    "or keep one engine up with 'vault serve' and other commands will use it").formatted(embedded.warehouse()));
        }
        listener.engineStarting("Starting the embedded Trino on " + embedded.warehouse());
        try {
            LocalEngine engine = LocalEngineFactory.load().start(embedded.warehouse(), project.config().catalog(), embedded.port(), engineLog);
            String url = engine.jdbcUrl() + "/" + project.config().catalog();
            if (embedded.port().isPresent()) {
                lock.get().announce(url);
            }
            LocalEngine locked = new LockedEngine(engine, lock.get());
            EngineSession session = EngineSession.connect(url, VaultConfiguration.DEFAULT_USER, Optional.empty(), Optional.of(locked), url);
            installFunctions(session, engine);
            return session;
        }
        catch (RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    /**
     * Puts the identity functions (generate_person_hash, normalize_email, ...) where the engine
     * keeps SQL routines, so they work in plain SQL: {@code SELECT generate_person_hash(...)}.
     */
    private void installFunctions(EngineSession session, LocalEngine engine)
    {
        Optional<TableName> schema = engine.functionSchema();
        if (schema.isEmpty()) {
            return;
        }
        SqlExecutor executor = new SqlExecutor(session);
        for (String function : new IdentitySql(project.config().identity()).functions(schema.get().catalog(), schema.get().schema())) {
            try {
                executor.update(function);
            }
            catch (SQLException e) {
                session.close();
                throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot create the identity functions on the embedded engine: " + e.getMessage(), e);
            }
        }
    }

    /** Releases the warehouse when the engine stops. */
    private record LockedEngine(LocalEngine engine, WarehouseLock lock)
            implements LocalEngine
    {
        @Override
        public String jdbcUrl()
        {
            return engine.jdbcUrl();
        }

        @Override
        public void close()
        {
            try {
                engine.close();
            }
            finally {
                lock.close();
            }
        }
    }
}
