package dev.vault.runner;

import com.google.common.base.Stopwatch;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.Guard;
import dev.vault.sql.IdentityRounds;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.SchemaEvolution;
import dev.vault.sql.Statement;
import dev.vault.sql.Step;
import dev.vault.sql.Watermark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Executes one model's plan: its steps in order, over one connection. Everything it runs comes
 * from the plan, compiled before the run started; it decides only what the steps leave to the
 * state of the tables (whether a guard's fingerprint matches, how many identity rounds it takes,
 * which columns an existing table lacks).
 */
final class PlanExecutor
{
    private final SqlExecutor executor;
    private final VaultListener listener;
    private final RunMetadata metadata;
    private final GuardCheck guards;

    PlanExecutor(SqlExecutor executor, VaultListener listener)
    {
        this(executor, listener, RunMetadata.none());
    }

    PlanExecutor(SqlExecutor executor, VaultListener listener, RunMetadata metadata)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.guards = new GuardCheck(executor, metadata);
    }

    /** What identity resolution did, for the run result. */
    private record Resolution(long persons, long records, long merges, long junk, int rounds, long scope) {}

    /** Runs the model's steps; the result counts the statements they sent and their cost in the engine. */
    ModelResult run(ModelPlan plan)
    {
        ExecutionStats before = executor.stats();
        Stopwatch stopwatch = Stopwatch.createStarted();
        ModelResult result = runSteps(plan, stopwatch);
        return result.withExecution(stopwatch.elapsed(), executor.stats().since(before));
    }

    private ModelResult runSteps(ModelPlan plan, Stopwatch stopwatch)
    {
        Model model = plan.model();
        try {
            List<String> evolved = new ArrayList<>();
            Optional<String> fingerprint = Optional.empty();
            long rows = 0;
            long rejected = 0;
            long conflicts = 0;
            boolean loaded = false;
            boolean replaced = false;
            OptionalLong before = OptionalLong.empty();
            Optional<OptionalLong> committed = Optional.empty();
            Optional<Resolution> resolution = Optional.empty();
            Optional<GuardCheck.Decision> decided = Optional.empty();
            // how the loads read their stages this time: every row, unless the guard found that only new rows matter
            Reads reads = new Reads(IncrementalReads.ReadPlan.full("not an incremental load"));
            boolean incrementalLoad = false;
            for (Step step : plan.steps()) {
                switch (step) {
                    case Step.SkipWhenUnchanged(Guard guard) -> {
                        GuardCheck.Decision decision = guards.decide(guard);
                        if (decision.upToDate()) {
                            // a view (a stage's, or a mart's) stores no rows and reads no snapshot: only its definition counts
                            boolean view = guard.inputs().isEmpty() && guard.clock().isEmpty();
                            return new ModelResult(model.name(), model.kind(), ModelResult.Status.UP_TO_DATE,
                                    model instanceof Mart || view ? OptionalLong.empty() : OptionalLong.of(0), stopwatch.elapsed(),
                                    view ? "up to date (definition unchanged)" : guard.clock().isPresent() ? "up to date (no input changed, nothing due)" : "up to date (no input changed)",
                                    Optional.empty());
                        }
                        fingerprint = Optional.of(decision.fingerprint());
                        decided = Optional.of(decision);
                        if (!guard.incremental().isEmpty()) {
                            incrementalLoad = true;
                            reads.plan = IncrementalReads.decide(executor, guard, decision.snapshots(), decision.comment());
                            listener.modelProgress(model.name(), reads.plan.description());
                        }
                    }
                    case Step.Execute(Statement statement) -> {
                        if (statement.kind() == Statement.Kind.LOAD && !loaded) {
                            before = latestSnapshot(plan);
                        }
                        // a table this run has not seen is created as the spec says: nothing to evolve
                        boolean creates = statement.kind() == Statement.Kind.CREATE_TABLE && metadata.missing(statement.target());
                        String sql = fingerprint.map(value -> Guard.fill(statement.sql(), value)).orElse(statement.sql());
                        long count = update(sql, reads, model.name());
                        if (creates) {
                            metadata.created(statement.target());
                        }
                        else {
                            evolved.addAll(evolveAfterCreate(plan, statement));
                        }
                        switch (statement.kind()) {
                            case LOAD, GHOST, REJECT, REPLACE -> metadata.dataChanged(statement.target());
                            default -> {}
                        }
                        if (statement.kind() == Statement.Kind.REPLACE) {
                            metadata.commentChanged(statement.target());
                        }
                        switch (statement.kind()) {
                            case LOAD -> {
                                rows += count;
                                loaded = true;
                            }
                            case REJECT -> rejected += count;
                            case CONFLICTS -> conflicts += count;
                            case REPLACE -> {
                                rows = count;
                                replaced = true;
                            }
                            default -> {}
                        }
                    }
                    case Step.ResolveIdentities(IdentityRounds rounds) -> {
                        before = latestSnapshot(plan);
                        try {
                            resolution = Optional.of(resolve(rounds, reads));
                        }
                        finally {
                            // the rounds write the hub and its records and same-as tables
                            metadata.dataChanged(plan.target());
                            plan.statements().forEach(written -> metadata.dataChanged(written.target()));
                        }
                    }
                    case Step.RecordFingerprint(Statement statement, Guard guard, boolean recompute) -> {
                        if (loaded) {
                            // the load's snapshot, before the comment: a comment changes metadata, not data
                            committed = Optional.of(committedSnapshot(plan, before));
                        }
                        String value = recompute ? guards.fingerprint(guard) : fingerprint.orElseThrow(() -> new IllegalStateException("no guard ran before " + statement.sql()));
                        if (!guard.incremental().isEmpty() && decided.isPresent()) {
                            // the snapshots the guard saw: the load read them or newer ones, never older, so the next build misses nothing
                            value += Guard.WATERMARK_MARK + Watermark.of(guard, decided.get().snapshots()).text();
                        }
                        executor.update(Guard.fill(statement.sql(), value));
                        metadata.commentChanged(statement.target());
                    }
                }
            }
            if (resolution.isPresent()) {
                Resolution done = resolution.get();
                String detail = "inserted %d person%s, %d records, %d merge%s, %d junk key%s, %d rounds".formatted(
                        done.persons(), done.persons() == 1 ? "" : "s", done.records(), done.merges(), done.merges() == 1 ? "" : "s", done.junk(), done.junk() == 1 ? "" : "s", done.rounds());
                if (!reads.plan.firstBuild()) {
                    detail += "; resolved %d record%s in scope; %s".formatted(done.scope(), done.scope() == 1 ? "" : "s", reads.plan.description());
                }
                return new ModelResult(model.name(), model.kind(), ModelResult.Status.SUCCESS, OptionalLong.of(done.persons()), stopwatch.elapsed(), detail, Optional.empty(),
                        committedSnapshot(plan, before));
            }
            if (replaced) {
                return new ModelResult(model.name(), model.kind(), ModelResult.Status.SUCCESS, OptionalLong.of(rows), stopwatch.elapsed(),
                        "rebuilt with %s row%s".formatted(rows, rows == 1 ? "" : "s"), Optional.empty(), snapshotAfterWrite(plan));
            }
            if (loaded && committed.isEmpty()) {
                committed = Optional.of(committedSnapshot(plan, before));
            }
            String detail = loaded ? "inserted %s row%s".formatted(rows, rows == 1 ? "" : "s") : "view";
            if (rejected > 0) {
                detail += ", set aside %s row%s with a null key".formatted(rejected, rejected == 1 ? "" : "s");
            }
            if (conflicts > 0) {
                detail += ", set aside %s row%s with conflicting payloads (see %s.no_conflicting_payloads)".formatted(conflicts, conflicts == 1 ? "" : "s", model.name());
            }
            if (!evolved.isEmpty()) {
                detail = String.join(", ", evolved) + "; " + detail;
            }
            if (incrementalLoad && !reads.plan.firstBuild()) {
                // how the load read its stages, and why in full when it did; a first build reads everything, which goes without saying
                detail += "; " + reads.plan.description();
            }
            return new ModelResult(model.name(), model.kind(), ModelResult.Status.SUCCESS, loaded ? OptionalLong.of(rows) : OptionalLong.empty(),
                    stopwatch.elapsed(), detail, Optional.empty(), committed.orElse(OptionalLong.empty()));
        }
        catch (SQLException e) {
            return ModelResult.failure(model, stopwatch.elapsed(), e);
        }
        catch (SchemaEvolution.IncompatibleChangeException e) {
            String message = "%s '%s' (%s): %s".formatted(model.kind().displayName(), model.name(), model.location(), e.getMessage());
            return new ModelResult(model.name(), model.kind(), ModelResult.Status.FAILED, OptionalLong.empty(), stopwatch.elapsed(), "failed", Optional.of(message));
        }
    }

    /** How the current model's statements read their stages; a failed read of the changes switches the rest of the model to a full read. */
    private static final class Reads
    {
        private IncrementalReads.ReadPlan plan;

        private Reads(IncrementalReads.ReadPlan plan)
        {
            this.plan = requireNonNull(plan, "plan is null");
        }
    }

    /**
     * Runs a statement of a load as its read plan reads. When Trino cannot read the sources'
     * changes (delete files, an expired snapshot after all), the statement wrote nothing (a
     * statement commits whole or not at all): it and the load's later statements read every row.
     */
    private long update(String sql, Reads reads, String model)
            throws SQLException
    {
        if (!reads.plan.incremental() || reads.plan.apply(sql).equals(sql)) {
            return executor.update(sql);
        }
        try {
            return executor.update(reads.plan.apply(sql));
        }
        catch (SQLException e) {
            if (!IncrementalReads.changesUnreadable(e)) {
                throw e;
            }
            reads.plan = IncrementalReads.ReadPlan.full("Trino could not read the sources' changes (" + IncrementalReads.firstLine(e.getMessage()) + ")");
            listener.modelProgress(model, reads.plan.description());
            return executor.update(sql);
        }
    }

    /**
     * After a model's CREATE TABLE IF NOT EXISTS, brings a table that already existed in line with
     * the model's table spec: new payload columns added, widened types promoted, nothing that would
     * rewrite history (see SchemaEvolution). Returns what changed, for the run result.
     */
    private List<String> evolveAfterCreate(ModelPlan plan, Statement statement)
            throws SQLException
    {
        if (statement.kind() != Statement.Kind.CREATE_TABLE || plan.table().isEmpty() || !statement.target().equals(plan.target())) {
            return List.of();
        }
        Model model = plan.model();
        SchemaEvolution.Plan evolution = plan.evolution(existingColumns(executor, plan));
        evolution.notes().forEach(note -> listener.modelProgress(model.name(), note));
        for (String alter : evolution.statements()) {
            executor.update(alter);
        }
        evolution.changes().forEach(change -> listener.modelProgress(model.name(), change));
        return evolution.changes();
    }

    /** The columns the model's table has now and their Trino types, in table order: what {@link ModelPlan#evolution} compares the spec with. */
    static Map<String, String> existingColumns(SqlExecutor executor, ModelPlan plan)
            throws SQLException
    {
        Map<String, String> existing = new LinkedHashMap<>();
        for (List<Object> row : executor.query(plan.queries().columns()).rows()) {
            existing.put(row.get(0).toString(), row.get(1).toString());
        }
        return existing;
    }

    /**
     * Resolves the persons of an identity hub: clusters every record by its matching keys with
     * rounds of SQL until no parent changes, then inserts new persons, maps new records and
     * records merges.
     */
    private Resolution resolve(IdentityRounds rounds, Reads reads)
            throws SQLException
    {
        // the batch: the stages' rows this run reads, all or only those their sources gained
        boolean incremental = reads.plan.incremental();
        update(rounds.batchKeys(), reads, rounds.hub());
        update(rounds.batchRecords(), reads, rounds.hub());
        if (rounds.partsInsert().isPresent()) {
            update(rounds.partsInsert().get(), reads, rounds.hub());
        }
        if (incremental && !reads.plan.incremental()) {
            // a read of the changes failed partway and the rest read every row: so must the whole batch
            executor.update(rounds.batchKeys());
            executor.update(rounds.batchRecords());
        }
        executor.update(rounds.keysInsert());
        long junk = executor.update(rounds.junkInsert());
        long scope = executor.update(rounds.workRecords());
        executor.update(rounds.workKeys());
        executor.update(rounds.workEdges());
        executor.update(rounds.labelsInit());
        // each statement reads parents table 'step' and writes 'step + 1'
        int step = 0;
        int round = 0;
        while (true) {
            if (round >= rounds.maxRounds()) {
                throw new SQLException("identity resolution of %s did not converge in %s rounds".formatted(rounds.hub(), rounds.maxRounds()));
            }
            round++;
            int jumps = 0;
            long changed;
            do {
                executor.update(IdentityRounds.at(rounds.shortcut(), step));
                changed = count(IdentityRounds.at(rounds.changed(), step));
                step++;
                jumps++;
            }
            while (changed > 0);
            executor.update(IdentityRounds.at(rounds.hook(), step));
            long hooked = count(IdentityRounds.at(rounds.changed(), step));
            step++;
            listener.modelProgress(rounds.hub(), "round %d: %d pointer jumps, %d trees hooked".formatted(round, jumps, hooked));
            if (hooked == 0) {
                break;
            }
        }
        executor.update(IdentityRounds.at(rounds.resolution(), step));
        long persons = executor.update(rounds.hubInsert());
        long records = executor.update(rounds.recordsInsert());
        long merges = executor.update(rounds.sameAsInsert());
        for (String drop : rounds.drops()) {
            executor.update(drop);
        }
        return new Resolution(persons, records, merges, junk, round, scope);
    }

    private long count(String query)
            throws SQLException
    {
        return Long.parseLong(executor.queryValue(query).orElse("0"));
    }

    /** The newest Iceberg snapshot a compiled snapshot query finds; empty when there is none. */
    static OptionalLong snapshot(SqlExecutor executor, String snapshotQuery)
            throws SQLException
    {
        return executor.queryValue(snapshotQuery).map(id -> OptionalLong.of(Long.parseLong(id))).orElse(OptionalLong.empty());
    }

    /** The snapshot a load committed: empty when the table's newest snapshot is still the one before it (an empty insert commits none). */
    private OptionalLong committedSnapshot(ModelPlan plan, OptionalLong before)
            throws SQLException
    {
        OptionalLong after = snapshotAfterWrite(plan);
        return after.equals(before) ? OptionalLong.empty() : after;
    }

    /** The model's table's newest snapshot, as the run knows it or else as the engine says. */
    private OptionalLong latestSnapshot(ModelPlan plan)
            throws SQLException
    {
        return parse(metadata.latestSnapshot(executor, plan.target(), plan.queries().latestSnapshot()));
    }

    /** The model's table's newest snapshot after its writes, asked of the engine; the run knows it from then on. */
    private OptionalLong snapshotAfterWrite(ModelPlan plan)
            throws SQLException
    {
        Optional<String> after = executor.queryValue(plan.queries().latestSnapshot());
        metadata.snapshotIs(plan.target(), after);
        return parse(after);
    }

    private static OptionalLong parse(Optional<String> snapshot)
    {
        return snapshot.map(id -> OptionalLong.of(Long.parseLong(id))).orElse(OptionalLong.empty());
    }
}
