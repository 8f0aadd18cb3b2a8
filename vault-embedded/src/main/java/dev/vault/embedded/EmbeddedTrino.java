package dev.vault.embedded;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.TableName;
import dev.vault.runner.engine.LocalEngine;
import io.airlift.log.Level;
import io.airlift.log.Logging;
import io.airlift.log.LoggingConfiguration;
import io.trino.Session;
import io.trino.plugin.iceberg.IcebergPlugin;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.testing.DistributedQueryRunner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static java.util.Objects.requireNonNull;

/**
 * Trino 483 in this JVM: a single coordinator that also runs tasks, the Iceberg connector on a
 * file metastore in a local folder, and a {@code memory} catalog that stores SQL routines (Iceberg
 * catalogs cannot). Clients connect over HTTP with trino-jdbc like to any cluster.
 */
public final class EmbeddedTrino
        implements LocalEngine
{
    /** Catalog and schema holding SQL routines such as generate_person_hash; on the function path. */
    public static final String FUNCTION_CATALOG = "vault_functions";
    public static final String FUNCTION_SCHEMA = "routines";

    /** How often the tracing spans the test runner keeps in memory are dropped. */
    private static final Duration SPAN_RESET_INTERVAL = Duration.ofSeconds(10);

    private final DistributedQueryRunner runner;
    private final String jdbcUrl;
    private final ScheduledExecutorService housekeeping;

    private EmbeddedTrino(DistributedQueryRunner runner)
    {
        this.runner = requireNonNull(runner, "runner is null");
        this.jdbcUrl = "jdbc:trino://" + runner.getCoordinator().getBaseUrl().getAuthority();
        // DistributedQueryRunner records every query's tracing spans in an in-memory exporter,
        // for tests that inspect them; nothing drops them but a query through the runner itself,
        // so over JDBC they pile up (6 million spans, a full 4 GB heap, after a few hundred
        // thousand queries). A trivial query now and then empties it.
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vault-embedded-span-reset");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::dropSpans, SPAN_RESET_INTERVAL.toMillis(), SPAN_RESET_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dropSpans()
    {
        try {
            runner.execute("SELECT 1");
        }
        catch (RuntimeException ignored) {
            // the engine is stopping; the next round or close() settles it
        }
    }

    public static EmbeddedTrino start(Path warehouse, String catalog, OptionalInt port, Optional<Path> logFile)
    {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(port, "port is null");
        requireNonNull(logFile, "logFile is null");
        logFile.ifPresent(EmbeddedTrino::logTo);
        Path root = warehouse.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot create the warehouse folder " + root + ": " + e.getMessage(), e);
        }

        Session session = testSessionBuilder()
                .setCatalog(catalog)
                .setSchema("default")
                .build();
        ImmutableMap.Builder<String, String> coordinator = ImmutableMap.<String, String>builder()
                .put("sql.default-function-catalog", FUNCTION_CATALOG)
                .put("sql.default-function-schema", FUNCTION_SCHEMA)
                .put("sql.path", FUNCTION_CATALOG + "." + FUNCTION_SCHEMA);
        port.ifPresent(value -> coordinator.put("http-server.http.port", Integer.toString(value)));

        DistributedQueryRunner runner = null;
        try {
            runner = DistributedQueryRunner.builder(session)
                    .setWorkerCount(0)
                    .setCoordinatorProperties(coordinator.buildOrThrow())
                    .build();
            runner.installPlugin(new IcebergPlugin());
            runner.createCatalog(catalog, "iceberg", ImmutableMap.<String, String>builder()
                    .put("iceberg.catalog.type", "TESTING_FILE_METASTORE")
                    .put("hive.metastore.catalog.dir", "local:///")
                    .put("fs.local.enabled", "true")
                    .put("local.location", root.toString())
                    // one local engine per warehouse, nothing else writes there: let a maintenance
                    // policy expire snapshots and orphan files younger than Trino's 7 day default
                    .put("iceberg.expire-snapshots.min-retention", "0s")
                    .put("iceberg.remove-orphan-files.min-retention", "0s")
                    .buildOrThrow());
            runner.installPlugin(new MemoryPlugin());
            runner.createCatalog(FUNCTION_CATALOG, "memory", ImmutableMap.of());
            runner.execute("CREATE SCHEMA IF NOT EXISTS " + FUNCTION_CATALOG + "." + FUNCTION_SCHEMA);
            return new EmbeddedTrino(runner);
        }
        catch (Exception e) {
            if (runner != null) {
                runner.close();
            }
            if (e instanceof VaultException vaultException) {
                throw vaultException;
            }
            String reason = e.getMessage();
            if (port.isPresent() && reason != null && reason.contains("Address already in use")) {
                reason = "port " + port.getAsInt() + " is already in use; pick another with --port";
            }
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "the embedded Trino did not start: " + reason, e);
        }
    }

    /**
     * Trino logs through airlift, which also takes over System.out and System.err; with a log
     * file, all of it goes there and the console stays for the program's own output.
     */
    private static void logTo(Path logFile)
    {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot create the folder of the engine log " + logFile + ": " + e.getMessage(), e);
        }
        // airlift announces on the console it finds where it logs; let it find none
        PrintStream console = System.err;
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        System.setErr(silent);
        Logging logging;
        try {
            logging = Logging.initialize();
            logging.configure(new LoggingConfiguration()
                    .setConsoleEnabled(false)
                    .setLogPath(logFile.toAbsolutePath().toString()));
        }
        finally {
            // airlift normally replaces System.err with its own logging stream; if not, undo ours
            if (System.err == silent) {
                System.setErr(console);
            }
        }
        logging.setLevel("io.trino", Level.WARN);
        logging.setLevel("org.apache.iceberg", Level.WARN);
    }

    @Override
    public Optional<TableName> functionSchema()
    {
        // TableName is catalog.schema.table; the "table" part is unused here
        return Optional.of(new TableName(FUNCTION_CATALOG, FUNCTION_SCHEMA, "routines"));
    }

    @Override
    public String jdbcUrl()
    {
        return jdbcUrl;
    }

    @Override
    public void close()
    {
        housekeeping.shutdownNow();
        try {
            runner.close();
        }
        catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("embedded Trino did not stop cleanly", e));
        }
    }
}
