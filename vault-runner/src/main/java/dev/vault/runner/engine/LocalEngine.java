package dev.vault.runner.engine;

import dev.vault.core.model.TableName;

import java.util.Optional;

/**
 * A Trino engine running inside this JVM. vault talks to it over JDBC exactly as it talks to a
 * cluster; this interface only says where it listens and how to stop it.
 */
public interface LocalEngine
        extends AutoCloseable
{
    /** A trino-jdbc URL without catalog or schema, e.g. {@code jdbc:trino://127.0.0.1:41234}. */
    String jdbcUrl();

    /**
     * The catalog and schema where this engine stores SQL routines and which is on its SQL path,
     * so functions created there are callable unqualified.
     */
    default Optional<TableName> functionSchema()
    {
        return Optional.empty();
    }

    @Override
    void close();
}
