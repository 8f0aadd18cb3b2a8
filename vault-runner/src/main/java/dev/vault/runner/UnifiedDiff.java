package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format ({@code diff -u}): hunks of changed lines with up to three
 * lines of context. Compiled SQL is a few hundred lines per model at most, so the longest common
 * subsequence by a plain table is fast enough and keeps vault free of a diff library.
 */
final class UnifiedDiff
{
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff lines from {@code before} to {@code after}, with the two file headers; empty when they are equal. */
    static ImmutableList<String> diff(String beforeName, List<String> before, String afterName, List<String> after)
    {
        if (before.equals(after)) {
            return ImmutableList.of();
        }
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        // the edit script: ' ', '-' or '+' with the line, and where it stands in each side
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                edits.add(new Edit(' ', before.get(i), i++, j++));
            }
            // removals before additions, as diff -u shows a changed line
            else if (i < before.size() && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', before.get(i), i++, j));
            }
            else {
                edits.add(new Edit('+', after.get(j), i, j++));
            }
        }
        ImmutableList.Builder<String> lines = ImmutableList.builder();
        lines.add("--- " + beforeName, "+++ " + afterName);
        int index = 0;
        while (index < edits.size()) {
            if (edits.get(index).type() == ' ') {
                index++;
                continue;
            }
            int start = Math.max(0, index - CONTEXT);
            // the hunk goes on while the next change is within twice the context
            int end = index;
            int last = index;
            while (end < edits.size()) {
                if (edits.get(end).type() != ' ') {
                    last = end;
                }
                else if (end - last > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), last + CONTEXT + 1);
            List<Edit> hunk = edits.subList(start, end);
            long removed = hunk.stream().filter(edit -> edit.type() != '+').count();
            long added = hunk.stream().filter(edit -> edit.type() != '-').count();
            lines.add("@@ -%s +%s @@".formatted(range(hunk.getFirst().before(), removed), range(hunk.getFirst().after(), added)));
            hunk.forEach(edit -> lines.add(edit.type() + edit.line()));
            index = end;
        }
        return lines.build();
    }

    private static String range(int start, long count)
    {
        // as diff -u: 1-based, and an empty side names the line before it
        long first = count == 0 ? start : start + 1;
        return count == 1 ? Long.toString(first) : first + "," + count;
    }

    private record Edit(char type, String line, int before, int after) {}
}
