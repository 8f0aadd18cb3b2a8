package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver that takes the place of trino-jdbc while installed: it records the URL and the
 * properties (user, password, ...) of every connection vault makes, and answers every statement
 * with nothing, or fails every connection with a given error. Closing it puts trino-jdbc back.
 */
final class TestingRecordingDriver
        implements Driver, AutoCloseable
{
    record Connect(String url, Properties properties) {}

    private final List<Connect> connections = Collections.synchronizedList(new ArrayList<>());
    private final List<Driver> replaced = new ArrayList<>();
    private final Optional<SQLException> failure;

    private TestingRecordingDriver(Optional<SQLException> failure)
    {
        this.failure = failure;
    }

    /** Installs a driver that accepts every connection. */
    static TestingRecordingDriver install()
            throws SQLException
    {
        return install(Optional.empty());
    }

    /** Installs a driver that fails every connection with {@code failure}, after recording it. */
    static TestingRecordingDriver failing(SQLException failure)
            throws SQLException
    {
        return install(Optional.of(failure));
    }

    private static TestingRecordingDriver install(Optional<SQLException> failure)
            throws SQLException
    {
        TestingRecordingDriver driver = new TestingRecordingDriver(failure);
        for (Driver existing : Collections.list(DriverManager.getDrivers())) {
            if (existing.acceptsURL("jdbc:trino://localhost:8080")) {
                DriverManager.deregisterDriver(existing);
                driver.replaced.add(existing);
            }
        }
        DriverManager.registerDriver(driver);
        return driver;
    }

    ImmutableList<Connect> connections()
    {
        return ImmutableList.copyOf(connections);
    }

    /** The one connection made so far. */
    Connect connection()
    {
        ImmutableList<Connect> made = connections();
        if (made.size() != 1) {
            throw new AssertionError("expected one connection, got " + made);
        }
        return made.getFirst();
    }

    @Override
    public void close()
            throws SQLException
    {
        DriverManager.deregisterDriver(this);
        for (Driver driver : replaced) {
            DriverManager.registerDriver(driver);
        }
    }

    @Override
    public Connection connect(String url, Properties info)
            throws SQLException
    {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties copy = new Properties();
        copy.putAll(info);
        connections.add(new Connect(url, copy));
        if (failure.isPresent()) {
            throw failure.get();
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement();
            case "isClosed", "isReadOnly", "isWrapperFor" -> false;
            case "isValid", "getAutoCommit" -> true;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "recording connection to " + url;
            default -> null;
        });
    }

    private static Statement statement()
    {
        return (Statement) Proxy.newProxyInstance(TestingRecordingDriver.class.getClassLoader(), new Class<?>[] {Statement.class}, (proxy, method, args) -> switch (method.getName()) {
            case "execute", "isClosed", "isWrapperFor", "getMoreResults" -> false;
            case "getUpdateCount", "executeUpdate" -> -1;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "recording statement";
            default -> null;
        });
    }

    @Override
    public boolean acceptsURL(String url)
    {
        return url.startsWith("jdbc:trino:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
    {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion()
    {
        return 1;
    }

    @Override
    public int getMinorVersion()
    {
        return 0;
    }

    @Override
    public boolean jdbcCompliant()
    {
        return false;
    }

    @Override
    public Logger getParentLogger()
    {
        return Logger.getGlobal();
    }
}
