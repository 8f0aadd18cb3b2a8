package dev.vault.benchmarks.truth;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./bench generate}: writes generated leads as the three bronze source CSVs
 * ({@code crm_activecampaign_contacts.csv}, {@code facebook_ads_leads.csv},
 * {@code google_ads_leads.csv}, usable as a seed path) and {@code truth.csv}.
 */
public final class GenerateLeadsMain
{
    private static final String USAGE = """
            usage: ./bench generate [--persons N] [--seed S] [--out DIR]
              --persons N   real persons to generate (default 20000)
              --seed S      generator seed (default 20261101)
              --out DIR     output folder (default vault-benchmarks/target/leads)
            """;

    private GenerateLeadsMain() {}

    public static void main(String[] args)
    {
        int persons = IdentityQualityMain.DEFAULT_PERSONS;
        long seed = IdentityQualityMain.DEFAULT_SEED;
        Path out = Path.of("vault-benchmarks", "target", "leads");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length && !arg.equals("-h") && !arg.equals("--help")) {
                System.err.print("missing value for " + arg + "\n" + USAGE);
                System.exit(2);
            }
            switch (arg) {
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("unknown option: " + arg + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        GroundTruth truth = new GroundTruthGenerator(seed).generate(persons);
        List<Path> files = LeadCsvWriter.write(out, truth.leads());
        System.out.printf("%,d leads of %,d true persons (seed %d):%n", truth.leads().size(), truth.truePersons(), seed);
        files.forEach(file -> System.out.println("  " + file));
    }
}
