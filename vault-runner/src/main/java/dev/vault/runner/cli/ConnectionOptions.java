package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import dev.vault.runner.VaultConfiguration;
import dev.vault.runner.VaultListener;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Where the project is and which engine to use; every command that touches an engine takes these. */
final class ConnectionOptions
{
    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR", description = "Folder with vault.yml (default: the current folder).")
    Path projectDirectory = Path.of(".");

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", description = "Target from vault.yml (default: its 'target:', normally 'embedded').")
    String target;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Run on this Trino cluster instead, e.g. jdbc:trino://host:8080/iceberg. Never put a password in it.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Trino user (default: the target's, else 'vault').")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the Trino password (never pass a password on the command line).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the Trino password, e.g. a mounted secret; its trailing line break is ignored.")
    Path passwordFile;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse folder of the embedded engine (default: the target's, .vault/warehouse).")
    Path warehouse;

    @Option(names = "--lock-lease", paramLabel = "SECONDS", description = "How long the run lock of a killed run outlives it before another run takes it over (default: 120, at least 5).")
    Integer lockLeaseSeconds;

    VaultConfiguration configuration(VaultListener listener)
    {
        VaultConfiguration configuration = Vault.configure()
                .projectDirectory(projectDirectory)
                .listener(listener)
                .engineLog(Path.of("logs", "trino.log"));
        if (target != null) {
            configuration.target(target);
        }
        if (jdbcUrl != null) {
            configuration.jdbcUrl(jdbcUrl);
        }
        if (user != null) {
            configuration.user(user);
        }
        if (passwordEnv != null) {
            configuration.passwordEnvironmentVariable(passwordEnv);
        }
        if (passwordFile != null) {
            configuration.passwordFile(passwordFile);
        }
        if (lockLeaseSeconds != null) {
            configuration.lockLease(Duration.ofSeconds(lockLeaseSeconds));
        }
        if (warehouse != null) {
            configuration.warehouse(warehouse);
        }
        return configuration;
    }
}
