package dev.vault.runner.jdbc;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.engine.LocalEngine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * An open JDBC connection to Trino, and the embedded engine behind it when there is one. The
 * same code runs against both: the embedded engine is reached over HTTP like a cluster.
 */
public final class EngineSession
        implements AutoCloseable
{
    private final Connection connection;
    private final Optional<LocalEngine> engine;
    private final String description;
    private final Redaction redaction;
    private final String jdbcUrl;
    private final Properties properties;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    private EngineSession(Connection connection, Optional<LocalEngine> engine, String description, Redaction redaction, String jdbcUrl, Properties properties)
    {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.properties = requireNonNull(properties, "properties is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.description = requireNonNull(description, "description is null");
        this.redaction = requireNonNull(redaction, "redaction is null");
    }

    /**
     * Connects and checks the engine answers. {@code password} is used for the connection only and
     * is masked in every message from then on.
     */
    public static EngineSession connect(String jdbcUrl, String user, Optional<String> password, Optional<LocalEngine> engine, String description)
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(value -> properties.setProperty("password", value));
        return connect(jdbcUrl, properties, password.map(ImmutableSet::of).orElse(ImmutableSet.of()), engine, description);
    }

    /**
     * Connects with these trino-jdbc connection properties (user, credentials, TLS, session
     * properties); {@code secrets} are the secret values among them, masked in every message.
     */
    public static EngineSession connect(String jdbcUrl, Properties connectionProperties, ImmutableSet<String> secrets, Optional<LocalEngine> engine, String description)
    {
        Redaction redaction = new Redaction(secrets);
        Properties properties = new Properties();
        properties.putAll(connectionProperties);
        // one source per session: the queries of a runner that died can be found and stopped (RunLock)
        properties.setProperty("source", "vault-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
            try (Statement statement = connection.createStatement()) {
                // trino-jdbc connects lazily: ask something to learn now whether the engine is there
                statement.execute("SELECT 1");
            }
            return new EngineSession(connection, engine, description, redaction, jdbcUrl, properties);
        }
        catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            engine.ifPresent(LocalEngine::close);
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot reach Trino at %s: %s".formatted(
                    Redaction.jdbcUrl(jdbcUrl), redaction.apply(rootMessage(e))), redacted(e, redaction));
        }
    }

    public Connection connection()
    {
        return connection;
    }

    /** Another connection to the same engine, for work in another thread; closed with the session. */
    public Connection openConnection()
            throws SQLException
    {
        try {
            Connection another = DriverManager.getConnection(jdbcUrl, properties);
            opened.add(another);
            return another;
        }
        catch (SQLException e) {
            throw new SQLException(redaction.apply(e.getMessage()), e.getSQLState(), e.getErrorCode());
        }
    }

    /** The client source of this session's queries ({@code system.runtime.queries.source}), e.g. "vault-3f2a9c01d4e5". */
    public String source()
    {
        return properties.getProperty("source");
    }

    public Redaction redaction()
    {
        return redaction;
    }

    /** Where vault is connected, without credentials, e.g. "embedded Trino at jdbc:trino://127.0.0.1:41234". */
    public String description()
    {
        return description;
    }

    public Optional<LocalEngine> engine()
    {
        return engine;
    }

    @Override
    public void close()
    {
        opened.forEach(EngineSession::closeQuietly);
        closeQuietly(connection);
        engine.ifPresent(LocalEngine::close);
    }

    /**
     * The driver's error as a cause that holds no secret: a driver may put the password or token
     * it was given in any message of the chain, which a stack trace would print.
     */
    private static Throwable redacted(Throwable error, Redaction redaction)
    {
        SQLException copy = new SQLException("%s: %s".formatted(error.getClass().getName(), redaction.apply(rootMessage(error))));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    static String rootMessage(Throwable throwable)
    {
        Throwable cause = throwable;
        String message = throwable.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? throwable.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Connection connection)
    {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // closing is best effort; the engine ends the session on its own
            }
        }
    }
}
