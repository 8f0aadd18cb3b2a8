package dev.vault.benchmarks.truth;

import java.util.Random;

import static dev.vault.benchmarks.truth.GroundTruthGenerator.PRODUCERS;
import static java.util.Objects.requireNonNull;

/** The draws of one generation, all from its one seeded {@link Random}, so the output depends only on the seed. */
final class Dice
{
    private final Random random;

    Dice(Random random)
    {
        this.random = requireNonNull(random, "random is null");
    }

    int producer()
    {
        // a few large producers, many small ones
        return Math.min(PRODUCERS - 1, (int) (PRODUCERS * Math.pow(random.nextDouble(), 2)));
    }

    boolean chance(double probability)
    {
        return random.nextDouble() < probability;
    }

    String digits(int count)
    {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    @SafeVarargs
    final <T> T pickOf(T... values)
    {
        return values[random.nextInt(values.length)];
    }

    int pick(double[] weights)
    {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    int pickCumulative(double[] cdf)
    {
        double draw = random.nextDouble();
        for (int i = 0; i < cdf.length; i++) {
            if (draw < cdf[i]) {
                return i;
            }
        }
        return cdf.length - 1;
    }
}
