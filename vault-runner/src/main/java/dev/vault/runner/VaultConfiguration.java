package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;
import dev.vault.core.project.TargetConfig;
import dev.vault.runner.jdbc.RetryPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
    private Optional<Path> warehouse = Optional.empty();
    private OptionalInt port = OptionalInt.empty();
    private Optional<ImmutableList<Path>> seedPaths = Optional.empty();
    private Optional<Path> engineLog = Optional.empty();
    private VaultListener listener = VaultListener.NONE;
    private RetryPolicy retries = RetryPolicy.defaults();
    private java.time.Duration lockTimeout = java.time.Duration.ofMinutes(30);
    private java.time.Duration lockLease = RunLock.DEFAULT_LEASE;
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

    /** Seed from these folders rather than the project's {@code seed-paths}. */
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
    public VaultConfiguration lockTimeout(java.time.Duration lockTimeout)
    {
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
        return this;
    }

    /**
     * How long a run's lock outlives the run when its runner is killed (2 minutes by default):
     * the holder renews the lease every quarter of it, and another run takes over a lock not
     * renewed for a whole lease, after stopping the dead runner's queries.
     */
    public VaultConfiguration lockLease(java.time.Duration lockLease)
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
        Project project = ProjectLoader.load(projectDirectory);
        Optional<Path> log = engineLog.map(path -> project.config().targetPath().resolve(path));
        return new Vault(project, resolveTarget(project), seedPaths.orElse(project.config().seedPaths()), log, listener, retries, lockTimeout, lockLease);
    }

    private ResolvedTarget resolveTarget(Project project)
    {
        TargetConfig config = project.config().target(target.orElse(project.config().defaultTarget()));
        if (jdbcUrl.isPresent()) {
            config = new TargetConfig.Trino("command line", jdbcUrl.get(), Optional.empty(), Optional.empty());
        }
        return switch (config) {
            case TargetConfig.Embedded embedded -> new ResolvedTarget.Embedded(
                    embedded.name(),
                    warehouse.map(path -> path.toAbsolutePath().normalize()).orElse(embedded.warehouse()),
                    port.isPresent() ? port : embedded.port());
            case TargetConfig.Trino trino -> {
                if (!trino.jdbcUrl().startsWith("jdbc:trino://")) {
                    throw new VaultException(ErrorCode.INVALID_PROJECT, "the JDBC URL must start with jdbc:trino://, e.g. jdbc:trino://trino.example.com:443/iceberg?SSL=true");
                }
                Optional<String> variable = passwordEnvironmentVariable.or(trino::passwordEnv);
                PasswordSource passwordSource = new PasswordSource(trino.name(), password, password.isPresent() ? Optional.empty() : variable, environment);
                yield new ResolvedTarget.Trino(trino.name(), trino.jdbcUrl(), user.or(trino::user).orElse(DEFAULT_USER), passwordSource);
            }
        };
    }

    /** A target with everything needed to connect. */
    sealed interface ResolvedTarget
    {
        String name();

        record Embedded(String name, Path warehouse, OptionalInt port)
                implements ResolvedTarget {}

        record Trino(String name, String jdbcUrl, String user, PasswordSource password)
                implements ResolvedTarget
        {
            @Override
            public String toString()
            {
                return "Trino[name=" + name + ", jdbcUrl=" + dev.vault.runner.jdbc.Redaction.jdbcUrl(jdbcUrl) + ", user=" + user + "]";
            }
        }
    }

    /**
     * Where a target's password comes from. It is read only when vault connects, so commands that
     * never connect (compile) need no password.
     */
    record PasswordSource(String target, Optional<String> value, Optional<String> variable, Map<String, String> environment)
    {
        PasswordSource
        {
            requireNonNull(target, "target is null");
            requireNonNull(value, "value is null");
            requireNonNull(variable, "variable is null");
            environment = ImmutableMap.copyOf(environment);
        }

        static PasswordSource none()
        {
            return new PasswordSource("", Optional.empty(), Optional.empty(), ImmutableMap.of());
        }

        /** The password, if the target has one. */
        Optional<String> resolve()
        {
            if (value.isPresent() || variable.isEmpty()) {
                return value;
            }
            String password = environment.get(variable.get());
            if (password == null || password.isEmpty()) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "target '%s' reads its password from the environment variable %s, which is not set"
                        .formatted(target, variable.get()));
            }
            return Optional.of(password);
        }

        @Override
        public String toString()
        {
            return "PasswordSource[target=" + target + ", variable=" + variable.orElse("none") + "]";
        }
    }
}
