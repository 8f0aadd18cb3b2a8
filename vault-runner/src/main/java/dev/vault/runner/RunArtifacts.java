package dev.vault.runner;

import dev.vault.core.model.Project;
import dev.vault.sql.Plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Leaves the manifest and the run results of an operation in the project's target path. */
final class RunArtifacts
{
    private final Project project;
    private final String target;

    RunArtifacts(Project project, String target)
    {
        this.project = requireNonNull(project, "project is null");
        this.target = requireNonNull(target, "target is null");
    }

    void manifest(Plan plan)
    {
        Artifacts.writeManifest(project.config().targetPath(), project, plan);
    }

    void results(String command, Instant started, List<RunResult> runs, Optional<TestResult> tests)
    {
        Artifacts.writeRunResults(project.config().targetPath(), command, started, target, runs, tests);
    }

    /** Leaves {@value Artifacts#SOURCES}: what a freshness check found, as dbt's sources.json. */
    void sources(FreshnessResult result)
    {
        Artifacts.writeSources(project.config().targetPath(), new Artifacts.Sources(
                Artifacts.SOURCES_SCHEMA,
                UUID.randomUUID().toString(),
                result.checkedAt().toString(),
                result.elapsed().toNanos() / 1e9,
                target,
                result.successful(),
                result.sources().stream().map(source -> Artifacts.entry(source, result.checkedAt())).toList()));
    }
}
