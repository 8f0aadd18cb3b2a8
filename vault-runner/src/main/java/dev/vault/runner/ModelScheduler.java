package dev.vault.runner;

import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.ModelPlan;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Runs planned models on up to {@code threads} threads: a model starts when the models it reads
 * are done, and is skipped when one of them failed or was skipped. Each model writes only its own
 * tables, so no table ever has two writers in one run.
 */
final class ModelScheduler
{
    private final Project project;
    private final VaultListener listener;
    private final BooleanSupplier lockLost;
    private final RunMetadata metadata;
    /** Models that failed or were skipped, and missing sources: what reads them is skipped. */
    private final Set<String> failed;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    ModelScheduler(Project project, VaultListener listener, BooleanSupplier lockLost, RunMetadata metadata, Collection<String> failed)
    {
        this.project = requireNonNull(project, "project is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.lockLost = requireNonNull(lockLost, "lockLost is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.failed = ConcurrentHashMap.newKeySet();
        this.failed.addAll(failed);
    }

    ImmutableList<ModelResult> run(List<ModelPlan> models, int threads, SqlExecutor executor, Supplier<SqlExecutor> workerExecutors)
    {
        checkArgument(threads >= 1, "threads must be at least 1");
        ImmutableList.Builder<ModelResult> results = ImmutableList.builder();
        if (threads == 1) {
            // one at a time, in build order: the order a person reads in the log is the DAG's
            for (ModelPlan model : models) {
                results.add(runOne(model, executor, models.size()));
            }
            return results.build();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // one connection per worker thread
        ThreadLocal<SqlExecutor> executors = ThreadLocal.withInitial(workerExecutors);
        Map<String, CompletableFuture<ModelResult>> futures = new LinkedHashMap<>();
        try {
            for (ModelPlan model : models) {
                CompletableFuture<?>[] parents = project.graph().parents(model.model().name()).stream()
                        .filter(futures::containsKey)
                        .map(futures::get)
                        .toArray(CompletableFuture[]::new);
                futures.put(model.model().name(), CompletableFuture.allOf(parents)
                        .thenApplyAsync(ignored -> runOne(model, executors.get(), models.size()), pool));
            }
            for (CompletableFuture<ModelResult> future : futures.values()) {
                results.add(future.join());
            }
        }
        catch (CompletionException e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new VaultException(ErrorCode.INTERNAL, "a model's run failed unexpectedly: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        return results.build();
    }

    /** Runs one model, or skips it when a model it reads failed or was skipped. */
    private ModelResult runOne(ModelPlan model, SqlExecutor executor, int total)
    {
        Model definition = model.model();
        listener.modelStarted(definition.name(), started.incrementAndGet(), total);
        ModelResult result;
        Optional<String> brokenParent = project.graph().parents(definition.name()).stream().filter(failed::contains).sorted().findFirst();
        if (lockLost.getAsBoolean()) {
            result = new ModelResult(definition.name(), definition.kind(), ModelResult.Status.FAILED, OptionalLong.empty(), Duration.ZERO, "failed",
                    Optional.of("this run lost its run lock (it could not renew the lease, and another run took the lock over); nothing more is loaded"));
        }
        else if (brokenParent.isPresent()) {
            result = new ModelResult(definition.name(), definition.kind(), ModelResult.Status.SKIPPED, OptionalLong.empty(), Duration.ZERO, "skipped",
                    Optional.of("skipped because '%s' failed or was skipped".formatted(brokenParent.get())));
        }
        else {
            result = CurrentModel.during(definition.name(), () -> new PlanExecutor(executor, listener, metadata).run(model));
        }
        if (result.failed()) {
            failed.add(definition.name());
        }
        listener.modelFinished(result, finished.incrementAndGet(), total);
        return result;
    }
}
