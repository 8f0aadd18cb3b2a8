package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.sql.Plan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Seed, run and test, as dbt build: each step only when the one before succeeded. Leaves the
 * manifest before anything runs, and one run results file for the whole build.
 */
final class BuildOperation
{
    private final VaultContext context;
    private final ImmutableList<Path> seedPaths;
    private final RunArtifacts artifacts;

    BuildOperation(VaultContext context, ImmutableList<Path> seedPaths, RunArtifacts artifacts)
    {
        this.context = requireNonNull(context, "context is null");
        this.seedPaths = requireNonNull(seedPaths, "seedPaths is null");
        this.artifacts = requireNonNull(artifacts, "artifacts is null");
    }

    BuildResult execute(Set<String> selected, int threads)
    {
        Instant started = Instant.now();
        Plan plan = context.compiler().compile();
        artifacts.manifest(plan);
        RunResult seeded = new SeedOperation(context, seedPaths).execute();
        if (!seeded.successful()) {
            artifacts.results("build", started, List.of(seeded), Optional.empty());
            return new BuildResult(seeded, Optional.empty(), Optional.empty());
        }
        RunResult run = new RunOperation(context).execute(plan, selected, threads, "Run");
        if (!run.successful()) {
            artifacts.results("build", started, List.of(seeded, run), Optional.empty());
            return new BuildResult(seeded, Optional.of(run), Optional.empty());
        }
        TestResult tests = new TestOperation(context).execute(selected);
        artifacts.results("build", started, List.of(seeded, run), Optional.of(tests));
        return new BuildResult(seeded, Optional.of(run), Optional.of(tests));
    }
}
