package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import picocli.CommandLine.Command;

import java.util.Optional;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Drop the project's run lock, left by a run that crashed. Only when no run of the project is going on.")
final class UnlockCommand
        extends EngineCommand
{
    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            Optional<String> holder = vault.unlock();
            reporter.message(holder.map(text -> "Dropped the run lock (" + text + ")").orElse("The project had no run lock"));
            return SUCCESS;
        }
    }
}
