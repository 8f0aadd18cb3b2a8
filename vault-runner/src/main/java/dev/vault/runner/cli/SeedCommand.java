package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Replace the bronze tables that have CSV seed files with the files' rows (unchanged tables are left alone).")
final class SeedCommand
        extends EngineCommand
{
    @Option(names = "--seed-path", paramLabel = "DIR", description = "Seed from this folder instead of vault.yml's seed-paths (repeatable; relative to --project-dir).")
    List<Path> seedPaths;

    @Override
    public Integer call()
    {
        VaultConfiguration configuration = connection.configuration(reporter());
        if (seedPaths != null) {
            configuration.seedPaths(seedPaths);
        }
        try (Vault vault = configuration.load()) {
            RunResult result = vault.seed();
            return result.successful() ? SUCCESS : ErrorCode.MODEL_FAILED.exitCode();
        }
    }
}
