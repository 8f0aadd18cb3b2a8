package dev.vault.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkState;

/** Copies of the repository's example project, with schemas of their own so tests can share an engine. */
public final class TestingProjects
{
    /** The repository root, seen from a module's directory (Maven runs tests there). */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** Customers with a hub and a satellite of name and city, from one source and stage. */
    public static final String CUSTOMER_SATELLITE = """
            sources:
              - name: customers
                record-source: crm
                load-timestamp: loaded_at
                columns:
                  - { name: id, type: varchar }
                  - { name: name, type: varchar }
                  - { name: city, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_customers
                source: customers
                hash-keys:
                  hk_customer: [id]
                hashdiffs:
                  hd_customer: [name, city]
            hubs:
              - name: hub_customer
                hash-key: hk_customer
                business-keys: [id]
                sources: [stg_customers]
            satellites:
              - name: sat_customer
                parent: hub_customer
                hashdiff: hd_customer
                sources: [stg_customers]
            """;

    private TestingProjects() {}

    /**
     * Copies vault.yml, models/ and examples/ into {@code target}, with the schemas renamed to
     * {@code bronze_<suffix>}, {@code silver_<suffix>} and {@code gold_<suffix>}.
     */
    public static Path copyExample(Path target, String suffix)
    {
        try {
            copyTree(REPOSITORY.resolve("models"), target.resolve("models"));
            copyTree(REPOSITORY.resolve("examples"), target.resolve("examples"));
            String config = Files.readString(REPOSITORY.resolve("vault.yml"), StandardCharsets.UTF_8);
            String renamed = config
                    .replace("  bronze: bronze\n", "  bronze: bronze_" + suffix + "\n")
                    .replace("  staging: silver\n", "  staging: silver_" + suffix + "\n")
                    .replace("  silver: silver\n", "  silver: silver_" + suffix + "\n")
                    .replace("  gold: gold\n", "  gold: gold_" + suffix + "\n");
            checkState(renamed.contains("gold: gold_" + suffix) && renamed.contains("bronze: bronze_" + suffix), "vault.yml no longer has the schemas block this fixture rewrites");
            Files.writeString(target.resolve("vault.yml"), renamed, StandardCharsets.UTF_8);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the toolbox example (examples/toolbox: every entity kind) into {@code target}, with
     * its schemas renamed to {@code shop_bronze_<suffix>}, {@code shop_silver_<suffix>} and
     * {@code shop_gold_<suffix>}.
     */
    public static Path copyToolbox(Path target, String suffix)
    {
        try {
            Path toolbox = REPOSITORY.resolve("examples/toolbox");
            copyTree(toolbox.resolve("models"), target.resolve("models"));
            copyTree(toolbox.resolve("seeds"), target.resolve("seeds"));
            String config = Files.readString(toolbox.resolve("vault.yml"), StandardCharsets.UTF_8);
            String renamed = config
                    .replace("  bronze: shop_bronze\n", "  bronze: shop_bronze_" + suffix + "\n")
                    .replace("  staging: shop_silver\n", "  staging: shop_silver_" + suffix + "\n")
                    .replace("  silver: shop_silver\n", "  silver: shop_silver_" + suffix + "\n")
                    .replace("  gold: shop_gold\n", "  gold: shop_gold_" + suffix + "\n");
            checkState(renamed.contains("gold: shop_gold_" + suffix) && renamed.contains("bronze: shop_bronze_" + suffix), "examples/toolbox/vault.yml no longer has the schemas block this fixture rewrites");
            Files.writeString(target.resolve("vault.yml"), renamed, StandardCharsets.UTF_8);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example project as a user has it in the repository: vault.yml, models and seeds (no .vault of an earlier build). */
    public static Path copyExample(String example, Path target)
    {
        try {
            Path folder = REPOSITORY.resolve("examples").resolve(example);
            copyTree(folder.resolve("models"), target.resolve("models"));
            copyTree(folder.resolve("seeds"), target.resolve("seeds"));
            Files.copy(folder.resolve("vault.yml"), target.resolve("vault.yml"));
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String content)
    {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
