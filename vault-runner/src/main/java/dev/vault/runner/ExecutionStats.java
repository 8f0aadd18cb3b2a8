package dev.vault.runner;

import java.time.Duration;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What the statements of a model (or a run) cost, as Trino reports it for each query: how many
 * ran, how long they took inside the engine (from the query's creation to its end, queueing and
 * planning included), how much of that was spent queued, and the CPU time the engine spent on
 * them. A model's duration minus its {@code engine} time is vault's own share: round trips,
 * fetching results, deciding what to run next.
 *
 * @param statements statements sent to the engine, each retry counted once more
 */
public record ExecutionStats(long statements, Duration engine, Duration queued, Duration cpu)
{
    public static final ExecutionStats NONE = new ExecutionStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public ExecutionStats
    {
        checkArgument(statements >= 0, "statements is negative");
        requireNonNull(engine, "engine is null");
        requireNonNull(queued, "queued is null");
        requireNonNull(cpu, "cpu is null");
    }

    /** One statement, from the figures of trino-jdbc's {@code QueryStats}. */
    public static ExecutionStats ofStatement(long elapsedMillis, long queuedMillis, long cpuMillis)
    {
        return new ExecutionStats(1, Duration.ofMillis(elapsedMillis), Duration.ofMillis(queuedMillis), Duration.ofMillis(cpuMillis));
    }

    public ExecutionStats plus(ExecutionStats other)
    {
        return new ExecutionStats(statements + other.statements, engine.plus(other.engine), queued.plus(other.queued), cpu.plus(other.cpu));
    }

    /** What ran since {@code earlier}, a reading of the same counter. */
    public ExecutionStats since(ExecutionStats earlier)
    {
        return new ExecutionStats(statements - earlier.statements, engine.minus(earlier.engine), queued.minus(earlier.queued), cpu.minus(earlier.cpu));
    }

    /** The part of {@code wall} not spent inside the engine: vault's own overhead (never negative). */
    public Duration outsideEngine(Duration wall)
    {
        Duration outside = wall.minus(engine);
        return outside.isNegative() ? Duration.ZERO : outside;
    }
}
