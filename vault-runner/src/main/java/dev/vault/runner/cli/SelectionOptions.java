package dev.vault.runner.cli;

import dev.vault.core.model.ModelSelector;
import dev.vault.runner.StateComparison;
import dev.vault.runner.Vault;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** dbt's selection, {@code --select} and {@code --exclude}: which models a command takes. */
final class SelectionOptions
{
    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", split = "[\\s,]+",
            description = "Models to take: name, name+ (and what reads it), +name (and what it reads), tag:TAG, state:modified+ (with --state); several are a union (default: all).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "SELECTOR", split = "[\\s,]+", description = "Models to leave out, with the same syntax.")
    List<String> exclude = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "DIR",
            description = "The folder of an earlier run's manifest.json (e.g. prod's .vault/), for state:modified selectors and --defer.")
    Optional<Path> state = Optional.empty();

    @Option(names = "--defer", description = "Read the models outside the selection from the environment --state's manifest describes, not from this target.")
    boolean defer;

    Set<String> selected(Vault vault)
    {
        if (defer && state.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--defer needs --state DIR: the folder of the manifest.json of the environment to read the other models from");
        }
        Optional<Set<String>> modified = comparison(vault).map(comparison -> comparison.modified(vault.project(), vault.plan()));
        return new ModelSelector(vault.project(), modified).select(select, exclude);
    }

    /** The vault to run the selection on: this one, or with --defer, one reading the other models from the state's environment. */
    Vault deferred(Vault vault, Set<String> selected)
    {
        if (!defer) {
            return vault;
        }
        return vault.deferringTo(comparison(vault).orElseThrow(), selected);
    }

    private Optional<StateComparison> comparison(Vault vault)
    {
        return state.map(folder -> StateComparison.read(vault.project().config().root().resolve(folder).normalize()));
    }
}
