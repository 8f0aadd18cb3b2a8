package dev.vault.sql;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Resolving the persons of an identity hub, compiled: the statements before the rounds, the
 * rounds until a fixed point, and the statements after. The parents tables alternate between
 * two names, so each round statement exists twice, indexed by the parity of the step that runs
 * it: step {@code s} reads parents table {@code s % 2} and writes the other.
 * <pre>
 * batchKeys; batchRecords; keysInsert; partsInsert; junkInsert; workRecords; workKeys; workEdges; labelsInit; step = 0
 * repeat (at most maxRounds):
 *     do { shortcut[step % 2]; changed = count(changed[step % 2]); step++ } while changed &gt; 0
 *     hook[step % 2]; hooked = count(changed[step % 2]); step++
 * until hooked = 0
 * resolution[step % 2]; hubInsert; recordsInsert; sameAsInsert; drops
 * </pre>
 */
public record IdentityRounds(
        String hub,
        String batchKeys,
        String batchRecords,
        String keysInsert,
        Optional<String> partsInsert,
        String junkInsert,
        String workRecords,
        String workKeys,
        String workEdges,
        String labelsInit,
        ImmutableList<String> shortcut,
        ImmutableList<String> hook,
        ImmutableList<String> changed,
        ImmutableList<String> resolution,
        String hubInsert,
        String recordsInsert,
        String sameAsInsert,
        ImmutableList<String> drops,
        int maxRounds)
{
    /** Rounds after which resolution stops as a bug rather than loop: log2 of any real record count is far below. */
    public static final int MAX_ROUNDS = 200;

    public IdentityRounds
    {
        requireNonNull(hub, "hub is null");
        requireNonNull(batchKeys, "batchKeys is null");
        requireNonNull(batchRecords, "batchRecords is null");
        requireNonNull(keysInsert, "keysInsert is null");
        requireNonNull(partsInsert, "partsInsert is null");
        requireNonNull(junkInsert, "junkInsert is null");
        requireNonNull(workRecords, "workRecords is null");
        requireNonNull(workKeys, "workKeys is null");
        requireNonNull(workEdges, "workEdges is null");
        requireNonNull(labelsInit, "labelsInit is null");
        requireNonNull(hubInsert, "hubInsert is null");
        requireNonNull(recordsInsert, "recordsInsert is null");
        requireNonNull(sameAsInsert, "sameAsInsert is null");
        requireNonNull(drops, "drops is null");
        for (ImmutableList<String> pair : ImmutableList.of(shortcut, hook, changed, resolution)) {
            checkArgument(requireNonNull(pair, "round statements are null").size() == 2, "a round statement needs one form per parity");
        }
        checkArgument(maxRounds > 0, "maxRounds must be positive");
    }

    /** The form of a round statement that step {@code step} runs. */
    public static String at(ImmutableList<String> statements, int step)
    {
        return statements.get(step % 2);
    }

    public static IdentityRounds of(IdentityResolutionSql sql)
    {
        return new IdentityRounds(
                sql.hub().name(),
                sql.batchKeys(),
                sql.batchRecords(),
                sql.keysInsert(),
                sql.partsInsert(),
                sql.junkInsert(),
                sql.workRecords(),
                sql.workKeys(),
                sql.workEdges(),
                sql.labelsInit(),
                ImmutableList.of(sql.labelsShortcut(0), sql.labelsShortcut(1)),
                ImmutableList.of(sql.labelsHook(0), sql.labelsHook(1)),
                ImmutableList.of(sql.labelsChanged(0), sql.labelsChanged(1)),
                ImmutableList.of(sql.workResolution(0), sql.workResolution(1)),
                sql.hubInsert(),
                sql.recordsInsert(),
                sql.sameAsInsert(),
                sql.dropWorkTables(),
                MAX_ROUNDS);
    }
}
