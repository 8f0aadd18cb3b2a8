package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;
import dev.vault.core.project.TargetConfig;
import dev.vault.runner.jdbc.Redaction;
import dev.vault.runner.jdbc.RetryPolicy;
import dev.vault.runner.jdbc.TrinoJdbcDriver;
import dev.vault.sql.dialect.TrinoDialect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Fluent configuration of a {@link Vault}, in the manner of Flyway's: set what differs from the
 * project's {@code vault.yml}, then {@link #load()}.
 *
 * <pre>{@code
 * try (Vault vault = Vault.configure()
 *         .projectDirectory(Path.of("my-vault"))
 *         .jdbcUrl("jdbc:trino://trino.example.com:443/iceberg?SSL=true")
 *         .user("etl")
 *         .passwordEnvironmentVariable("TRINO_PASSWORD")
 *         .load()) {
 *     RunResult result = vault.run();
 * }
 * }</pre>
 */
public final class VaultConfiguration
{
    public static final String DEFAULT_USER = "vault";

    private Path projectDirectory = Path.of(".");
    private Optional<String> target = Optional.empty();
    private Optional<String> jdbcUrl = Optional.empty();
    private Optional<String> user = Optional.empty();
    private Optional<String> passwordEnvironmentVariable = Optional.empty();
    private Optional<String> password = Optional.empty();
    private Optional<Path> passwordFile = Optional.empty();
    private Optional<Path> warehouse = Optional.empty();
    private OptionalInt port = OptionalInt.empty();
    private Optional<ImmutableList<Path>> seedPaths = Optional.empty();
    private Optional<Path> engineLog = Optional.empty();
    private VaultListener listener = VaultListener.NONE;
    private RetryPolicy retries = RetryPolicy.defaults();
    private Duration lockTimeout = Duration.ofMinutes(30);
    private Duration lockLease = RunLock.DEFAULT_LEASE;
    private Map<String, String> environment = System.getenv();

    VaultConfiguration() {}

    /** The folder holding {@code vault.yml}; the current directory by default. */
    public VaultConfiguration projectDirectory(Path projectDirectory)
    {
        this.projectDirectory = requireNonNull(projectDirectory, "projectDirectory is null");
        return this;
    }

    /** A target named in {@code vault.yml}; its {@code target:} by default. */
    public VaultConfiguration target(String target)
    {
        this.target = Optional.of(requireNonNull(target, "target is null"));
        return this;
    }

    /** Run on this cluster rather than the target's engine, e.g. {@code jdbc:trino://host:8080/iceberg}. */
    public VaultConfiguration jdbcUrl(String jdbcUrl)
    {
        this.jdbcUrl = Optional.of(requireNonNull(jdbcUrl, "jdbcUrl is null"));
        return this;
    }

    public VaultConfiguration user(String user)
    {
        this.user = Optional.of(requireNonNull(user, "user is null"));
        return this;
    }

    /** Read the password from this environment variable; it is never logged. */
    public VaultConfiguration passwordEnvironmentVariable(String name)
    {
        this.passwordEnvironmentVariable = Optional.of(requireNonNull(name, "name is null"));
        return this;
    }

    /**
     * Read the password from this file (its content without the trailing line break), e.g. a
     * mounted Kubernetes secret; it is read when vault connects and never logged.
     */
    public VaultConfiguration passwordFile(Path file)
    {
        this.passwordFile = Optional.of(requireNonNull(file, "file is null").toAbsolutePath().normalize());
        return this;
    }

    /** For programs that hold the password themselves; it is never logged. */
    public VaultConfiguration password(String password)
    {
        this.password = Optional.of(requireNonNull(password, "password is null"));
        return this;
    }

    /** The embedded engine's warehouse folder, instead of the target's. */
    public VaultConfiguration warehouse(Path warehouse)
    {
        this.warehouse = Optional.of(requireNonNull(warehouse, "warehouse is null"));
        return this;
    }

    /** The embedded engine's HTTP port, instead of any free one. */
    public VaultConfiguration port(int port)
    {
        this.port = OptionalInt.of(port);
        return this;
    }

    /** Seed from these folders rather than the project's {@code seed-paths}; a relative one is relative to the project directory, as seed-paths are. */
    public VaultConfiguration seedPaths(List<Path> seedPaths)
    {
        this.seedPaths = Optional.of(ImmutableList.copyOf(seedPaths));
        return this;
    }

    /**
     * Send the embedded engine's own log to this file rather than the JVM's logging; a relative
     * path is resolved against the project's {@code target-path}.
     */
    public VaultConfiguration engineLog(Path engineLog)
    {
        this.engineLog = Optional.of(requireNonNull(engineLog, "engineLog is null"));
        return this;
    }

    public VaultConfiguration listener(VaultListener listener)
    {
        this.listener = requireNonNull(listener, "listener is null");
        return this;
    }

    /**
     * How statements that fail for a passing reason (an Iceberg commit conflict, the network) are
     * retried; {@link RetryPolicy#defaults()}: 4 attempts, backoff from 1 s doubling to 15 s.
     */
    public VaultConfiguration retries(RetryPolicy retries)
    {
        this.retries = requireNonNull(retries, "retries is null");
        return this;
    }

    /** How long a run waits for another run of the project to finish (the run lock); 30 minutes by default. */
    public VaultConfiguration lockTimeout(Duration lockTimeout)
    {
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
        return this;
    }

    /**
     * How long a run's lock outlives the run when its runner is killed (2 minutes by default):
     * the holder renews the lease every quarter of it, and another run takes over a lock not
     * renewed for a whole lease, after stopping the dead runner's queries.
     */
    public VaultConfiguration lockLease(Duration lockLease)
    {
        requireNonNull(lockLease, "lockLease is null");
        // a renewal is a metadata commit: on a busy engine it takes seconds, and a lease shorter
        // than that would let a waiter take the lock of a live run
        if (lockLease.toSeconds() < 5) {
            throw new IllegalArgumentException("the run lock lease must be at least 5 seconds: " + lockLease);
        }
        this.lockLease = lockLease;
        return this;
    }

    /** The environment to read variables from; the process environment by default. */
    public VaultConfiguration environment(Map<String, String> environment)
    {
        this.environment = ImmutableMap.copyOf(environment);
        return this;
    }

    /**
     * Loads and validates the project. Nothing connects to an engine yet.
     *
     * @throws VaultException with {@link ErrorCode#INVALID_PROJECT} listing every problem found
     */
    public Vault load()
    {
        Project loaded = ProjectLoader.load(projectDirectory, TrinoDialect.INSTANCE, TrinoJdbcDriver.INSTANCE);
        TargetConfig config = targetConfig(loaded);
        // the target may name its own catalog and schemas: every table name follows from here
        Project project = loaded.withConfig(loaded.config().forTarget(config));
        Optional<Path> log = engineLog.map(path -> project.config().targetPath().resolve(path));
        ImmutableList<Path> seeds = seedPaths
                .map(paths -> paths.stream().map(path -> project.config().root().resolve(path).normalize()).collect(ImmutableList.toImmutableList()))
                .orElse(project.config().seedPaths());
        return new Vault(project, resolveTarget(config), seeds, log, listener, retries, lockTimeout, lockLease);
    }

    /**
     * Writes a new project into the project directory, which needs no vault.yml (and must not have
     * one): the example project, or, with {@link InitOptions#fromBronze}, sources and stages for
     * the tables of an existing bronze schema, read from this configuration's engine (its
     * {@link #jdbcUrl}, else the embedded engine on {@link #warehouse}, by default the new
     * project's {@code .vault/warehouse}). Writes nothing when it fails. See {@link InitOperation}.
     *
     * @throws VaultException with {@link ErrorCode#PROJECT_EXISTS} when the folder has a vault.yml or
     *     another file init would write
     */
    public InitResult init(InitOptions options)
    {
        return new InitOperation(this, options).execute();
    }

    Path projectDirectory()
    {
        return projectDirectory;
    }

    Optional<String> jdbcUrl()
    {
        return jdbcUrl;
    }

    Optional<String> user()
    {
        return user;
    }

    Optional<String> passwordEnvironmentVariable()
    {
        return passwordEnvironmentVariable;
    }

    Optional<Path> passwordFile()
    {
        return passwordFile;
    }

    Optional<Path> warehouse()
    {
        return warehouse;
    }

    /** This configuration for another project folder. */
    VaultConfiguration forProject(Path directory)
    {
        VaultConfiguration copy = new VaultConfiguration();
        copy.projectDirectory = requireNonNull(directory, "directory is null");
        copy.target = target;
        copy.jdbcUrl = jdbcUrl;
        copy.user = user;
        copy.passwordEnvironmentVariable = passwordEnvironmentVariable;
        copy.password = password;
        copy.passwordFile = passwordFile;
        copy.warehouse = warehouse;
        copy.port = port;
        copy.seedPaths = seedPaths;
        copy.engineLog = engineLog;
        copy.listener = listener;
        copy.retries = retries;
        copy.lockTimeout = lockTimeout;
        copy.lockLease = lockLease;
        copy.environment = environment;
        return copy;
    }

    /** The target {@link #load()} gives the vault, with nothing read yet. */
    ResolvedTarget resolvedTarget()
    {
        return resolveTarget(targetConfig(ProjectLoader.load(projectDirectory, TrinoDialect.INSTANCE, TrinoJdbcDriver.INSTANCE)));
    }

    private TargetConfig targetConfig(Project project)
    {
        if (jdbcUrl.isPresent()) {
            // a misspelled --target is still an error, though the URL replaces the target
            project.config().target(target.orElse(project.config().defaultTarget()));
            return new TargetConfig.Trino("command line", jdbcUrl.get(), Optional.empty(), Optional.empty());
        }
        return project.config().target(target.orElse(project.config().defaultTarget()));
    }

    private ResolvedTarget resolveTarget(TargetConfig config)
    {
        return switch (config) {
            case TargetConfig.Embedded embedded -> new ResolvedTarget.Embedded(
                    embedded.name(),
                    warehouse.map(path -> path.toAbsolutePath().normalize()).orElse(embedded.warehouse()),
                    port.isPresent() ? port : embedded.port());
            case TargetConfig.Trino trino -> {
                if (!TrinoJdbcDriver.INSTANCE.acceptsUrl(trino.jdbcUrl())) {
                    throw new VaultException(ErrorCode.INVALID_PROJECT, "the JDBC URL must start with %s, e.g. %s".formatted(TrinoJdbcDriver.URL_PREFIX, TrinoJdbcDriver.URL_EXAMPLE));
                }
                yield new ResolvedTarget.Trino(trino.name(), trino.jdbcUrl(), user.or(trino::user).orElse(DEFAULT_USER), credential(trino), trino.tls(),
                        trustStorePassword(trino), trino.sessionProperties());
            }
        };
    }

    /** The password given here replaces the target's credential, whatever its kind. */
    private SecretSource credential(TargetConfig.Trino trino)
    {
        if (password.isPresent()) {
            return SecretSource.value(trino.name(), password.get());
        }
        if (passwordEnvironmentVariable.isPresent() && passwordFile.isPresent()) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "the password is given both as an environment variable (%s) and as a file (%s); give one of them"
                    .formatted(passwordEnvironmentVariable.get(), passwordFile.get()));
        }
        if (passwordEnvironmentVariable.isPresent()) {
            return new SecretSource(trino.name(), SecretSource.PASSWORD, "password", Optional.empty(), passwordEnvironmentVariable, Optional.empty(), environment);
        }
        if (passwordFile.isPresent()) {
            return new SecretSource(trino.name(), SecretSource.PASSWORD, "password", Optional.empty(), Optional.empty(), passwordFile, environment);
        }
        return trino.credential()
                .map(credential -> {
                    String property = credential.kind() == TargetConfig.Credential.Kind.PASSWORD ? SecretSource.PASSWORD : SecretSource.ACCESS_TOKEN;
                    return switch (credential) {
                        case TargetConfig.Credential.FromEnvironment variable -> new SecretSource(
                                trino.name(), property, credential.kind().displayName(), Optional.empty(), Optional.of(variable.variable()), Optional.empty(), environment);
                        case TargetConfig.Credential.FromFile file -> new SecretSource(
                                trino.name(), property, credential.kind().displayName(), Optional.empty(), Optional.empty(), Optional.of(file.file()), environment);
                    };
                })
                .orElse(SecretSource.none());
    }

    private SecretSource trustStorePassword(TargetConfig.Trino trino)
    {
        return trino.tls().trustStorePasswordEnv()
                .map(variable -> new SecretSource(trino.name(), "SSLTrustStorePassword", "trust store password", Optional.empty(), Optional.of(variable), Optional.empty(), environment))
                .orElse(SecretSource.none());
    }

    /** A target with everything needed to connect. */
    sealed interface ResolvedTarget
    {
        String name();

        record Embedded(String name, Path warehouse, OptionalInt port)
                implements ResolvedTarget {}

        /**
         * @param credential the password or access token, read when connecting
         * @param trustStorePassword read when connecting
         */
        record Trino(String name, String jdbcUrl, String user, SecretSource credential, TargetConfig.Tls tls, SecretSource trustStorePassword,
                ImmutableMap<String, String> sessionProperties)
                implements ResolvedTarget
        {
            public Trino
            {
                requireNonNull(name, "name is null");
                requireNonNull(jdbcUrl, "jdbcUrl is null");
                requireNonNull(user, "user is null");
                requireNonNull(credential, "credential is null");
                requireNonNull(tls, "tls is null");
                requireNonNull(trustStorePassword, "trustStorePassword is null");
                sessionProperties = ImmutableMap.copyOf(sessionProperties);
            }

            Trino(String name, String jdbcUrl, String user, SecretSource credential)
            {
                this(name, jdbcUrl, user, credential, TargetConfig.Tls.URL, SecretSource.none(), ImmutableMap.of());
            }

            /**
             * The trino-jdbc connection properties of this target, its secrets read now; the
             * secrets are also returned apart, to be masked in every message.
             */
            ConnectionProperties connectionProperties()
            {
                Properties properties = new Properties();
                properties.setProperty("user", user);
                properties.setProperty("source", "vault");
                ImmutableSet.Builder<String> secrets = ImmutableSet.builder();
                for (SecretSource source : List.of(credential, trustStorePassword)) {
                    source.resolve().ifPresent(secret -> {
                        properties.setProperty(source.property(), secret);
                        secrets.add(secret);
                    });
                }
                tls.enabled().ifPresent(enabled -> properties.setProperty("SSL", enabled.toString()));
                tls.verification().ifPresent(verification -> properties.setProperty("SSLVerification", verification.name()));
                tls.trustStorePath().ifPresent(path -> properties.setProperty("SSLTrustStorePath", path.toString()));
                tls.trustStoreType().ifPresent(type -> properties.setProperty("SSLTrustStoreType", type));
                if (!sessionProperties.isEmpty()) {
                    // trino-jdbc's format: name:value;name:value (vault.yml's values hold neither ':' nor ';')
                    properties.setProperty("sessionProperties", sessionProperties.entrySet().stream()
                            .map(entry -> entry.getKey() + ":" + entry.getValue())
                            .collect(Collectors.joining(";")));
                }
                return new ConnectionProperties(properties, secrets.build());
            }

            @Override
            public String toString()
            {
                return "Trino[name=" + name + ", jdbcUrl=" + Redaction.jdbcUrl(jdbcUrl) + ", user=" + user
                        + ", credential=" + credential + ", tls=" + tls + ", sessionProperties=" + sessionProperties + "]";
            }
        }
    }

    /** trino-jdbc connection properties, and the secret values among them; printing them shows no secret. */
    record ConnectionProperties(Properties properties, ImmutableSet<String> secrets)
    {
        ConnectionProperties
        {
            requireNonNull(properties, "properties is null");
            requireNonNull(secrets, "secrets is null");
        }

        @Override
        public String toString()
        {
            return "ConnectionProperties" + new TreeSet<>(properties.stringPropertyNames());
        }
    }

    /**
     * Where a secret of a target (its password, access token, trust store password) comes from:
     * a value given to the configuration, an environment variable or a file. It is read only
     * when vault connects, so commands that never connect (compile) need none, and messages
     * name the variable or file, never the secret.
     *
     * @param property the trino-jdbc connection property the secret goes to
     * @param what the secret for people: "password"
     */
    record SecretSource(String target, String property, String what, Optional<String> value, Optional<String> variable, Optional<Path> file, Map<String, String> environment)
    {
        static final String PASSWORD = "password";
        static final String ACCESS_TOKEN = "accessToken";

        SecretSource
        {
            requireNonNull(target, "target is null");
            requireNonNull(property, "property is null");
            requireNonNull(what, "what is null");
            requireNonNull(value, "value is null");
            requireNonNull(variable, "variable is null");
            requireNonNull(file, "file is null");
            environment = ImmutableMap.copyOf(environment);
        }

        static SecretSource none()
        {
            return new SecretSource("", PASSWORD, "password", Optional.empty(), Optional.empty(), Optional.empty(), ImmutableMap.of());
        }

        static SecretSource value(String target, String password)
        {
            return new SecretSource(target, PASSWORD, "password", Optional.of(password), Optional.empty(), Optional.empty(), ImmutableMap.of());
        }

        /** The secret, if the target has one. */
        Optional<String> resolve()
        {
            if (value.isPresent()) {
                return value;
            }
            if (variable.isPresent()) {
                String secret = environment.get(variable.get());
                if (secret == null || secret.isEmpty()) {
                    throw new VaultException(ErrorCode.INVALID_PROJECT, "target '%s' reads its %s from the environment variable %s, which is not set"
                            .formatted(target, what, variable.get()));
                }
                return Optional.of(secret);
            }
            if (file.isPresent()) {
                return Optional.of(readFile(file.get()));
            }
            return Optional.empty();
        }

        private String readFile(Path path)
        {
            String content;
            try {
                content = Files.readString(path, StandardCharsets.UTF_8);
            }
            catch (IOException | RuntimeException e) {
                // the exception's class, not its message: a decoding error could quote the content
                throw new VaultException(ErrorCode.INVALID_PROJECT, "target '%s' reads its %s from the file %s, which cannot be read (%s)"
                        .formatted(target, what, path, e.getClass().getSimpleName()));
            }
            // editors and 'echo' end files with a line break that is not part of the secret
            String secret = content.replaceFirst("(\\r?\\n)+$", "");
            if (secret.isEmpty()) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "target '%s' reads its %s from the file %s, which is empty".formatted(target, what, path));
            }
            return secret;
        }

        @Override
        public String toString()
        {
            String from = value.isPresent() ? "given" : variable.map(name -> "env " + name).or(() -> file.map(path -> "file " + path)).orElse("none");
            return "SecretSource[target=" + target + ", " + what + "=" + from + "]";
        }
    }
}
