package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.core.model.ModelKind;
import dev.vault.core.seed.Seed;
import dev.vault.core.seed.SeedReader;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;
import dev.vault.sql.Statement;
import dev.vault.sql.TrinoCompiler;
import dev.vault.sql.TrinoQueries;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Replaces each seeded source table with the rows of its CSV files, leaving alone a table whose
 * content already matches its files (no new snapshot). Every file is read and checked, and every
 * statement compiled, before any SQL runs.
 */
final class SeedOperation
{
    private final VaultContext context;
    private final ImmutableList<Path> seedPaths;

    SeedOperation(VaultContext context, ImmutableList<Path> seedPaths)
    {
        this.context = requireNonNull(context, "context is null");
        this.seedPaths = requireNonNull(seedPaths, "seedPaths is null");
    }

    RunResult execute()
    {
        Stopwatch total = Stopwatch.createStarted();
        ImmutableList<Seed> seeds = SeedReader.read(context.project(), seedPaths);
        TrinoCompiler compiler = context.compiler();
        List<Statement> statements = seeds.stream().map(compiler::seed).toList();
        // decided before anything runs: what each seed's table comment says once it is loaded
        List<Optional<String>> fingerprints = statements.stream().map(TrinoCompiler::fingerprint).toList();
        SqlExecutor executor = context.executor();
        VaultContext.createSchema(executor, compiler.bronzeSchema());
        VaultListener listener = context.listener();
        ImmutableList.Builder<ModelResult> results = ImmutableList.builder();
        int index = 0;
        for (Seed seed : seeds) {
            index++;
            listener.modelStarted(seed.source().name(), index, seeds.size());
            Stopwatch stopwatch = Stopwatch.createStarted();
            Statement statement = statements.get(index - 1);
            ModelResult result;
            try {
                Optional<String> current = executor.queryValue(TrinoQueries.tableComment(statement.target())).flatMap(Guard::recorded);
                if (current.isPresent() && current.equals(fingerprints.get(index - 1))) {
                    result = new ModelResult(seed.source().name(), ModelKind.SOURCE, ModelResult.Status.UP_TO_DATE, OptionalLong.empty(), stopwatch.elapsed(),
                            "up to date (%s rows)".formatted(seed.rows().size()), Optional.empty());
                }
                else {
                    long rows = executor.update(statement.sql());
                    result = new ModelResult(seed.source().name(), ModelKind.SOURCE, ModelResult.Status.SUCCESS, OptionalLong.of(rows), stopwatch.elapsed(),
                            "seeded %s rows from %s file%s".formatted(rows, seed.files().size(), seed.files().size() == 1 ? "" : "s"), Optional.empty(),
                            PlanExecutor.snapshot(executor, TrinoQueries.latestSnapshot(statement.target())));
                }
            }
            catch (SQLException e) {
                result = ModelResult.failure(seed.source(), stopwatch.elapsed(), e);
            }
            results.add(result);
            listener.modelFinished(result, index, seeds.size());
        }
        RunResult result = new RunResult(results.build(), total.elapsed());
        listener.runFinished("Seed", result);
        return result;
    }
}
