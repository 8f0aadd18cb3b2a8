package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of a project before failing, so a user fixes them all in one pass
 * rather than one per run.
 */
public final class Problems
{
    private final List<Problem> problems = new ArrayList<>();

    public void add(Location location, String message)
    {
        problems.add(new Problem(location, message));
    }

    public void add(Location location, String format, Object... args)
    {
        add(location, format.formatted(args));
    }

    public boolean isEmpty()
    {
        return problems.isEmpty();
    }

    /** Every problem, in file order: by file, then line, then column. */
    public ImmutableList<Problem> list()
    {
        return problems.stream()
                .sorted(Comparator.<Problem, String>comparing(problem -> problem.location().file().toString())
                        .thenComparingInt(problem -> problem.location().line())
                        .thenComparingInt(problem -> problem.location().column()))
                .collect(ImmutableList.toImmutableList());
    }

    public void throwIfAny()
    {
        if (!problems.isEmpty()) {
            throw new InvalidProjectException(list());
        }
    }

    /** The number of problems so far; callers compare counts to know whether a step added any. */
    public int size()
    {
        return problems.size();
    }

    /** The project cannot be used; every problem found is listed, in file order. */
    public static final class InvalidProjectException
            extends VaultException
    {
        private final ImmutableList<Problem> problems;

        public InvalidProjectException(ImmutableList<Problem> problems)
        {
            super(ErrorCode.INVALID_PROJECT, format(problems));
            this.problems = problems;
        }

        public ImmutableList<Problem> problems()
        {
            return problems;
        }

        private static String format(List<Problem> problems)
        {
            StringBuilder message = new StringBuilder(problems.size() == 1 ? "the project has 1 problem:" : "the project has %s problems:".formatted(problems.size()));
            for (Problem problem : problems) {
                message.append("\n  ").append(problem);
            }
            return message.toString();
        }
    }
}
