package dev.vault.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a JMH JSON result ({@code -rf json}) of {@link IdentityHasherBenchmark} and prints the
 * one-line summary: leads per second per core against SHA-256 hashes per second in the same run.
 */
public final class JmhSummary
{
    public static final double TARGET_LEADS_PER_SECOND = 1_000_000;

    private JmhSummary() {}

    public static void main(String[] args)
            throws IOException
    {
        if (args.length != 1) {
            System.err.println("usage: JmhSummary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        double sha = Double.NaN;
        int shaSize = 0;
        for (JsonNode result : results) {
            if (result.path("benchmark").asText().endsWith(".rawSha256")) {
                sha = result.path("primaryMetric").path("score").asDouble();
                shaSize = result.path("params").path("size").asInt();
            }
        }
        double normalize = Double.NaN;
        for (JsonNode result : results) {
            if (result.path("benchmark").asText().endsWith(".normalize")) {
                normalize = result.path("primaryMetric").path("score").asDouble();
            }
        }
        boolean printed = false;
        for (JsonNode result : results) {
            if (!result.path("benchmark").asText().endsWith(".hashLead")) {
                continue;
            }
            double leads = result.path("primaryMetric").path("score").asDouble();
            double error = result.path("primaryMetric").path("scoreError").asDouble();
            String keys = result.path("params").path("keys").asText("?");
            System.out.println(String.format(Locale.ROOT,
                    "hashLead [%s]: %,.0f ± %,.0f leads/s/core vs raw SHA-256 (%d B) %,.0f hashes/s: ratio %.2f (a lead costs %.1f SHA-256); target %,.0f leads/s: %s",
                    keys.replace("+", ", "), leads, error, shaSize, sha, leads / sha, sha / leads,
                    TARGET_LEADS_PER_SECOND, leads >= TARGET_LEADS_PER_SECOND ? "met" : "NOT met"));
            double keysOnly = Double.NaN;
            for (JsonNode other : results) {
                if (other.path("benchmark").asText().endsWith(".keysOnly") && other.path("params").path("keys").asText().equals(keys)) {
                    keysOnly = other.path("primaryMetric").path("score").asDouble();
                }
            }
            System.out.println(String.format(Locale.ROOT,
                    "  per lead: %.0f ns = normalize %.0f ns + keys %.0f ns (raw SHA-256 of %d B: %.0f ns each)",
                    1e9 / leads, 1e9 / normalize, 1e9 / keysOnly, shaSize, 1e9 / sha));
            printed = true;
        }
        if (!printed) {
            System.out.println("no hashLead result in " + args[0]);
        }
    }
}
