package dev.vault.runner;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Runs again the models that failed or were skipped in the last command, as its run results tell. */
final class RetryOperation
{
    private final VaultContext context;
    private final RunArtifacts artifacts;

    RetryOperation(VaultContext context, RunArtifacts artifacts)
    {
        this.context = requireNonNull(context, "context is null");
        this.artifacts = requireNonNull(artifacts, "artifacts is null");
    }

    RetryResult execute(int threads)
    {
        Instant started = Instant.now();
        Project project = context.project();
        Artifacts.RunResults previous = Artifacts.readRunResults(project.config().targetPath())
                .orElseThrow(() -> new VaultException(ErrorCode.INVALID_PROJECT, "there are no run results in %s to retry from; run 'vault run' first"
                        .formatted(project.config().targetPath().resolve(Artifacts.RUN_RESULTS))));
        // a model since removed from the project is not retried, nor a source: nothing runs for one
        ImmutableSet<String> again = previous.results().stream()
                .filter(entry -> entry.status().equals("failed") || entry.status().equals("skipped"))
                .map(Artifacts.ModelEntry::model)
                .filter(model -> project.models().containsKey(model) && !(project.model(model) instanceof Source))
                .collect(ImmutableSet.toImmutableSet());
        if (again.isEmpty()) {
            return new RetryResult(previous.command(), again, Optional.empty());
        }
        RunResult result = new RunOperation(context).execute(context.compiler().compile(), again, threads, "Retry");
        artifacts.results("retry", started, List.of(result), Optional.empty());
        return new RetryResult(previous.command(), again, Optional.of(result));
    }
}
