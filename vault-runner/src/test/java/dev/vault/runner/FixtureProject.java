package dev.vault.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a small models project into a folder: a source, a stage, a hub and a table mart whose
 * query is in a .sql file next to its YAML; vault.yml has a 'local' trino target whose password
 * comes from {@link #PASSWORD_VARIABLE}. Public so the CLI tests can use it too.
 */
public final class FixtureProject
{
    public static final String PASSWORD_VARIABLE = "FIXTURE_TRINO_PASSWORD";

    public static final String CONFIG = """
            name: fixture
            targets:
              local:
                type: trino
                jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                user: etl
                password-env: FIXTURE_TRINO_PASSWORD
            """;

    public static final String MODELS = """
            sources:
              - name: customers
                record-source: crm
                load-timestamp: loaded_at
                columns:
                  - { name: customer_id, type: varchar }
                  - { name: email, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_customers
                source: customers
                hash-keys:
                  hk_customer: [customer_id]
            hubs:
              - name: hub_customer
                hash-key: hk_customer
                business-keys: [customer_id]
                sources: [stg_customers]
            """;

    public static final String MARTS = """
            marts:
              - name: mart_customers
                sql-file: mart_customers.sql
            """;

    public static final String MART_SQL = "SELECT customer_id FROM {{ ref('hub_customer') }}\n";

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();

    private FixtureProject(Path root)
    {
        this.root = root;
        files.put("vault.yml", CONFIG);
        files.put("models/customers.yml", MODELS);
        files.put("models/gold/marts.yml", MARTS);
        files.put("models/gold/mart_customers.sql", MART_SQL);
    }

    public static FixtureProject in(Path root)
    {
        return new FixtureProject(root);
    }

    /** Adds or replaces a file, by its path under the project root. */
    public FixtureProject file(String path, String content)
    {
        files.put(path, content);
        return this;
    }

    public Path write()
    {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}
