package dev.vault.runner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TestUnifiedDiff
{
    @Test
    void equalTextsHaveNoDiff()
    {
        assertThat(UnifiedDiff.diff("a", List.of("x", "y"), "b", List.of("x", "y"))).isEmpty();
    }

    @Test
    void changedLineWithContext()
    {
        List<String> before = List.of("SELECT", "  a,", "  b", "FROM t");
        List<String> after = List.of("SELECT", "  a,", "  b,", "  c", "FROM t");
        assertThat(UnifiedDiff.diff("manifest/m", before, "compiled/m", after)).containsExactly(
                "--- manifest/m",
                "+++ compiled/m",
                "@@ -1,4 +1,5 @@",
                " SELECT",
                "   a,",
                "-  b",
                "+  b,",
                "+  c",
                " FROM t");
    }

    @Test
    void distantChangesAreSeparateHunks()
    {
        List<String> before = IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList();
        List<String> after = before.stream().map(line -> line.equals("2") ? "two" : line.equals("18") ? "eighteen" : line).toList();
        assertThat(UnifiedDiff.diff("a", before, "b", after)).containsExactly(
                "--- a",
                "+++ b",
                "@@ -1,5 +1,5 @@",
                " 1",
                "-2",
                "+two",
                " 3",
                " 4",
                " 5",
                "@@ -15,6 +15,6 @@",
                " 15",
                " 16",
                " 17",
                "-18",
                "+eighteen",
                " 19",
                " 20");
    }

    @Test
    void everythingNew()
    {
        assertThat(UnifiedDiff.diff("a", List.of(), "b", List.of("x"))).containsExactly("--- a", "+++ b", "@@ -0,0 +1 @@", "+x");
    }
}
