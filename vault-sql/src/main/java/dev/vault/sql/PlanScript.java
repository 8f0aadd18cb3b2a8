package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model's plan as one SQL file, for {@code vault compile} and the docs: every statement a run
 * may execute, in order, with comments saying what the runner decides between them (a guard
 * that skips the rest, the rounds of identity resolution, the fingerprint it fills in).
 */
public final class PlanScript
{
    private PlanScript() {}

    /** The file's text; empty for a model without steps (a source). */
    public static String of(ModelPlan plan)
    {
        List<String> statements = new ArrayList<>();
        // a comment goes in front of the statement after it, so the file holds no empty statement
        StringBuilder pending = new StringBuilder();
        for (Step step : plan.steps()) {
            switch (step) {
                case Step.Execute(Statement statement) -> add(statements, pending, statement.sql());
                case Step.SkipWhenUnchanged(Guard guard) -> pending.append(guard(guard));
                case Step.ResolveIdentities(IdentityRounds rounds) -> rounds(statements, pending, rounds);
                case Step.RecordFingerprint(Statement statement, Guard guard, boolean recompute) -> {
                    pending.append(recompute
                            ? "-- vault: " + Guard.FINGERPRINT_SLOT + " is the fingerprint of the guard's inputs after the writes above\n"
                            : "-- vault: " + Guard.FINGERPRINT_SLOT + " is the fingerprint the guard computed before the writes\n");
                    add(statements, pending, statement.sql());
                }
            }
        }
        if (statements.isEmpty()) {
            return "";
        }
        return String.join(";\n\n", statements) + ";\n";
    }

    private static void add(List<String> statements, StringBuilder pending, String sql)
    {
        statements.add(pending + sql.strip());
        pending.setLength(0);
    }

    private static String guard(Guard guard)
    {
        String inputs = guard.inputTables().stream().map(TableName::toString).map(table -> "--   " + table + "\n").collect(Collectors.joining());
        return "-- vault guard: the run computes a fingerprint of this model's SQL and of the newest snapshot of\n"
                + (inputs.isEmpty() ? "-- no input table\n" : "-- each input table:\n" + inputs)
                + guard.clock().map(clock -> "-- and of the answer of its clock query (what is due now):\n" + clock.lines().map(line -> "--   " + SqlText.comment(line) + "\n").collect(Collectors.joining())).orElse("")
                + "-- and skips what follows when the comment of " + guard.recordedIn() + " holds the same one.\n"
                + "-- " + Guard.FINGERPRINT_SLOT + " below is that fingerprint, filled in by the runner.\n";
    }

    private static void rounds(List<String> statements, StringBuilder pending, IdentityRounds rounds)
    {
        pending.append("-- vault identity resolution: the batch (the stages' rows their sources gained since the last build, when the runner\n"
                + "-- finds only appends; else every row), the scope it touches, then rounds until a fixed point\n");
        add(statements, pending, rounds.batchKeys());
        add(statements, pending, rounds.batchRecords());
        add(statements, pending, rounds.keysInsert());
        rounds.partsInsert().ifPresent(insert -> add(statements, pending, insert));
        add(statements, pending, rounds.junkInsert());
        add(statements, pending, rounds.workRecords());
        add(statements, pending, rounds.workKeys());
        add(statements, pending, rounds.workEdges());
        add(statements, pending, rounds.labelsInit());
        for (int parity = 0; parity < 2; parity++) {
            pending.append(("-- vault rounds (at most %d): each pointer jump, then each hook, is followed by its count of changed parents;\n"
                    + "-- jumps repeat while parents change, a round ends with a hook, the rounds end when a hook changes none.\n"
                    + "-- The parents tables alternate: these are the statements of the %s steps.\n").formatted(rounds.maxRounds(), parity == 0 ? "even" : "odd"));
            add(statements, pending, rounds.shortcut().get(parity));
            add(statements, pending, rounds.hook().get(parity));
            add(statements, pending, rounds.changed().get(parity));
        }
        pending.append("-- vault: after the rounds, the resolution reads the parents table the last step wrote (the even steps' form first)\n");
        for (String statement : ImmutableList.<String>builder().addAll(rounds.resolution()).add(rounds.hubInsert(), rounds.recordsInsert(), rounds.sameAsInsert()).addAll(rounds.drops()).build()) {
            add(statements, pending, statement);
        }
    }
}
