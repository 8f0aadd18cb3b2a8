package dev.vault.runner.cli;

import dev.vault.core.model.ModelSelector;
import dev.vault.runner.Vault;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** dbt's selection, {@code --select} and {@code --exclude}: which models a command takes. */
final class SelectionOptions
{
    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", split = "[\\s,]+",
            description = "Models to take: name, name+ (and what reads it), +name (and what it reads), tag:TAG; several are a union (default: all).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "SELECTOR", split = "[\\s,]+", description = "Models to leave out, with the same syntax.")
    List<String> exclude = new ArrayList<>();

    Set<String> selected(Vault vault)
    {
        return new ModelSelector(vault.project()).select(select, exclude);
    }
}
