package dev.vault.sql;

import static java.util.Objects.requireNonNull;

/**
 * One step of a model's plan. The runner executes a model's steps in order and decides nothing
 * the steps do not say:
 * <ul>
 * <li>{@link Execute}: run a statement (DDL, a load, a rebuild); a statement holding
 *     {@link Guard#FINGERPRINT_SLOT} gets the fingerprint its model's guard computed;</li>
 * <li>{@link SkipWhenUnchanged}: compute the guard's fingerprint; when the table's comment holds
 *     the same one, the model is up to date and its remaining steps are skipped;</li>
 * <li>{@link ResolveIdentities}: an identity hub's rounds until a fixed point;</li>
 * <li>{@link RecordFingerprint}: write the fingerprint into the table's comment, last, so only a
 *     complete build is ever taken for up to date.</li>
 * </ul>
 */
public sealed interface Step
{
    record Execute(Statement statement)
            implements Step
    {
        public Execute
        {
            requireNonNull(statement, "statement is null");
        }
    }

    record SkipWhenUnchanged(Guard guard)
            implements Step
    {
        public SkipWhenUnchanged
        {
            requireNonNull(guard, "guard is null");
        }
    }

    record ResolveIdentities(IdentityRounds rounds)
            implements Step
    {
        public ResolveIdentities
        {
            requireNonNull(rounds, "rounds is null");
        }
    }

    /**
     * Writes the fingerprint: the one the guard computed before the writes, or, with
     * {@code recompute}, the one of the state after them (for a guard whose inputs include the
     * tables the model writes itself, as an identity hub's do).
     */
    record RecordFingerprint(Statement statement, Guard guard, boolean recompute)
            implements Step
    {
        public RecordFingerprint
        {
            requireNonNull(statement, "statement is null");
            requireNonNull(guard, "guard is null");
        }
    }
}
