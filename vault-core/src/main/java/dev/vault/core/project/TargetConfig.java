package dev.vault.core.project;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Layer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** Where a project runs: the embedded engine on a local warehouse, or a Trino cluster. */
public sealed interface TargetConfig
        permits TargetConfig.Embedded, TargetConfig.Trino
{
    String name();

    /** The catalog and schemas this target writes to instead of the project's. */
    Namespace namespace();

    /**
     * @param warehouse absolute folder of the local Iceberg warehouse
     * @param port fixed HTTP port (for {@code vault serve}), or any free one
     */
    record Embedded(String name, Path warehouse, OptionalInt port, Namespace namespace)
            implements TargetConfig
    {
        public Embedded
        {
            requireNonNull(name, "name is null");
            requireNonNull(warehouse, "warehouse is null");
            requireNonNull(port, "port is null");
            requireNonNull(namespace, "namespace is null");
        }

        public Embedded(String name, Path warehouse, OptionalInt port)
        {
            this(name, warehouse, port, Namespace.PROJECT);
        }
    }

    /**
     * Only names of secrets are kept here (an environment variable, a file), never a secret:
     * they are read when vault connects.
     *
     * @param jdbcUrl a trino-jdbc URL without credentials
     * @param credential where the password or access token comes from, if the cluster needs one
     * @param sessionProperties Trino session properties for every query, e.g. {@code query_max_run_time: 2h}
     */
    record Trino(String name, String jdbcUrl, Optional<String> user, Optional<Credential> credential, Tls tls,
            ImmutableMap<String, String> sessionProperties, Namespace namespace)
            implements TargetConfig
    {
        public Trino
        {
            requireNonNull(name, "name is null");
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(credential, "credential is null");
            requireNonNull(tls, "tls is null");
            sessionProperties = ImmutableMap.copyOf(sessionProperties);
            requireNonNull(namespace, "namespace is null");
        }

        /** A target with a password from an environment variable, if any, and nothing else set. */
        public Trino(String name, String jdbcUrl, Optional<String> user, Optional<String> passwordEnv)
        {
            this(name, jdbcUrl, user, passwordEnv.map(variable -> new Credential.FromEnvironment(Credential.Kind.PASSWORD, variable)),
                    Tls.URL, ImmutableMap.of(), Namespace.PROJECT);
        }
    }

    /** Where a target's password or access token is kept. */
    sealed interface Credential
            permits Credential.FromEnvironment, Credential.FromFile
    {
        Kind kind();

        /** The vault.yml key it was given with, for messages: {@code password-file}. */
        String key();

        enum Kind
        {
            PASSWORD("password", "password"),
            /** A JWT or OAuth access token, sent as the driver's access token. */
            ACCESS_TOKEN("access token", "token");

            private final String displayName;
            private final String keyPrefix;

            Kind(String displayName, String keyPrefix)
            {
                this.displayName = displayName;
                this.keyPrefix = keyPrefix;
            }

            public String displayName()
            {
                return displayName;
            }
        }

        record FromEnvironment(Kind kind, String variable)
                implements Credential
        {
            public FromEnvironment
            {
                requireNonNull(kind, "kind is null");
                requireNonNull(variable, "variable is null");
            }

            @Override
            public String key()
            {
                return kind.keyPrefix + "-env";
            }
        }

        /** @param file absolute; the secret is its content without the trailing line break */
        record FromFile(Kind kind, Path file)
                implements Credential
        {
            public FromFile
            {
                requireNonNull(kind, "kind is null");
                requireNonNull(file, "file is null");
            }

            @Override
            public String key()
            {
                return kind.keyPrefix + "-file";
            }
        }
    }

    /**
     * TLS to the cluster; what is empty is left to the JDBC URL and trino-jdbc's defaults.
     *
     * @param trustStorePath absolute
     * @param trustStorePasswordEnv the environment variable holding the trust store's password
     */
    record Tls(Optional<Boolean> enabled, Optional<Verification> verification, Optional<Path> trustStorePath,
            Optional<String> trustStorePasswordEnv, Optional<String> trustStoreType)
    {
        /** Nothing set here: as the JDBC URL says. */
        public static final Tls URL = new Tls(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Tls
        {
            requireNonNull(enabled, "enabled is null");
            requireNonNull(verification, "verification is null");
            requireNonNull(trustStorePath, "trustStorePath is null");
            requireNonNull(trustStorePasswordEnv, "trustStorePasswordEnv is null");
            requireNonNull(trustStoreType, "trustStoreType is null");
        }

        /** trino-jdbc's {@code SSLVerification}. */
        public enum Verification
        {
            FULL, CA, NONE
        }
    }

    /**
     * A target's own catalog and schema names, e.g. a production cluster whose schemas are named
     * differently from development; what is not set is the project's.
     */
    record Namespace(Optional<String> catalog, ImmutableMap<Layer, String> schemas)
    {
        public static final Namespace PROJECT = new Namespace(Optional.empty(), ImmutableMap.of());

        public Namespace
        {
            requireNonNull(catalog, "catalog is null");
            schemas = ImmutableMap.copyOf(schemas);
        }
    }
}
