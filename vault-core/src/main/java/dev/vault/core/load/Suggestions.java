package dev.vault.core.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelled keys, columns and model names. */
public final class Suggestions
{
    private Suggestions() {}

    public static Optional<String> closest(String word, Collection<String> candidates)
    {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .map(candidate -> new Scored(candidate, distance(word.toLowerCase(), candidate.toLowerCase())))
                .filter(scored -> scored.distance() <= limit)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** A message suffix: "; did you mean 'x'?" or, with no close match, the list of valid names. */
    public static String hint(String word, Collection<String> candidates)
    {
        Optional<String> closest = closest(word, candidates);
        if (closest.isPresent()) {
            return "; did you mean '" + closest.get() + "'?";
        }
        if (candidates.isEmpty()) {
            return "";
        }
        if (candidates.size() > 25) {
            return "";
        }
        return "; expected one of: " + String.join(", ", candidates.stream().sorted().toList());
    }

    private record Scored(String candidate, int distance) {}

    private static int distance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
