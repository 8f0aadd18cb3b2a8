package dev.vault.runner.docs;

import dev.vault.runner.FixtureProject;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fixture project with a satellite (so it has data tests), descriptions written to break a
 * page that does not escape them, and the run_results.json a build would leave; writes its
 * documentation site.
 */
final class TestingDocsProject
{
    /** A description a page must show as text, never run or parse as markup. */
    static final String HOSTILE = "<script>document.title='owned'</script> & <b>bold</b> \"quoted\"";

    static final String MODELS = """
            sources:
              - name: customers
                description: "Customers from the CRM. %s"
                record-source: crm
                load-timestamp: loaded_at
                columns:
                  - { name: customer_id, type: varchar, description: "Id <in> the CRM" }
                  - { name: email, type: varchar, description: "Their email, e.g. a@b.com" }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_customers
                description: Customers with hash keys.
                source: customers
                hash-keys:
                  hk_customer: [customer_id]
                hashdiffs:
                  hd_customer: [email]
            hubs:
              - name: hub_customer
                description: One row per customer.
                hash-key: hk_customer
                business-keys: [customer_id]
                sources: [stg_customers]
            satellites:
              - name: sat_customer
                description: History of a customer's email.
                parent: hub_customer
                hashdiff: hd_customer
                payload: [email]
                sources: [stg_customers]
            """.formatted(HOSTILE.replace("\"", "\\\""));

    static final String RUN_RESULTS = """
            {
              "schema": "vault/run-results/v1",
              "command": "build",
              "invocation_id": "00000000-0000-0000-0000-000000000001",
              "started_at": "2026-11-21T08:00:00Z",
              "elapsed_seconds": 12.5,
              "target": "embedded Trino on .vault/warehouse",
              "success": false,
              "results": [
                {"model": "customers", "kind": "source", "status": "success", "rows_written": 3, "seconds": 0.5, "detail": "seeded 3 rows from 1 file", "error": null},
                {"model": "stg_customers", "kind": "stage", "status": "success", "rows_written": null, "seconds": 0.25, "detail": "view", "error": null},
                {"model": "hub_customer", "kind": "hub", "status": "success", "rows_written": 1234, "seconds": 1.75, "detail": "inserted 1234 rows", "error": null},
                {"model": "sat_customer", "kind": "satellite", "status": "failed", "rows_written": null, "seconds": 0.5, "detail": "failed", "error": "satellite 'sat_customer' failed: <boom>"},
                {"model": "mart_customers", "kind": "mart", "status": "skipped", "rows_written": null, "seconds": 0.0, "detail": "skipped", "error": null}
              ],
              "tests": [
                {"name": "hub_customer.unique(hk_customer)", "model": "hub_customer", "status": "pass", "failing_rows": 0, "seconds": 0.1, "error": null}
              ]
            }
            """;

    /** The repository's root, where examples/ and this project's own models/ are. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private TestingDocsProject() {}

    /**
     * Copies a project of this repository (its vault.yml and models/, which is all the docs read)
     * into {@code directory} and loads it: {@code examples/toolbox} has every kind of the raw
     * vault, {@code .} (the leads vault) the query assistance tables.
     */
    static Vault example(String project, Path directory)
    {
        Path from = REPOSITORY.resolve(project).normalize();
        try {
            Files.createDirectories(directory);
            Files.copy(from.resolve("vault.yml"), directory.resolve("vault.yml"));
            try (Stream<Path> files = Files.walk(from.resolve("models"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = directory.resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Vault.configure()
                .projectDirectory(directory)
                .listener(VaultListener.NONE)
                .environment(Map.of())
                .load();
    }

    /** Writes the project (with run results unless {@code withRunResults} is false) and loads it. */
    static Vault load(Path directory, boolean withRunResults)
    {
        Path root = FixtureProject.in(directory).file("models/customers.yml", MODELS).write();
        if (withRunResults) {
            try {
                Files.createDirectories(root.resolve(".vault"));
                Files.writeString(root.resolve(".vault/run_results.json"), RUN_RESULTS, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Vault.configure()
                .projectDirectory(root)
                .listener(VaultListener.NONE)
                .environment(Map.of())
                .load();
    }
}
