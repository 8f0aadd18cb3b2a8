package dev.vault.sql;

import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;
import dev.vault.sql.dialect.TrinoDialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a small models project (vault.yml and model files) into a folder and loads it. */
final class FixtureProject
{
    /** One source, one stage with a two-level derived column, a hub with two business keys and a view mart. */
    static final String CUSTOMERS = """
            sources:
              - name: customers
                description: Customers from the CRM.
                record-source: crm
                load-timestamp: loaded_at
                columns:
                  - { name: customer_id, type: varchar }
                  - { name: country, type: varchar }
                  - { name: email, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_customers
                source: customers
                derived-columns:
                  email_clean: "lower(trim(email))"
                  email_domain: "split_part(email_clean, '@', 2)"
                hash-keys:
                  hk_customer: [customer_id, country]
                hashdiffs:
                  hd_customer: [email_clean, email_domain]
            hubs:
              - name: hub_customer
                hash-key: hk_customer
                business-keys: [customer_id, country]
                sources: [stg_customers]
            satellites:
              - name: sat_customer
                parent: hub_customer
                hashdiff: hd_customer
                sources: [stg_customers]
            marts:
              - name: mart_customers
                materialized: view
                sql: |
                  SELECT hk_customer, customer_id FROM {{ ref('hub_customer') }}
                  WHERE country = 'BR';
            """;

    private final Path root;
    private String config = "name: fixture\n";
    private final Map<String, String> files = new LinkedHashMap<>();

    private FixtureProject(Path root)
    {
        this.root = root;
    }

    static FixtureProject in(Path root)
    {
        return new FixtureProject(root);
    }

    /** Lines appended to vault.yml after {@code name:}. */
    FixtureProject config(String yaml)
    {
        config = "name: fixture\n" + yaml;
        return this;
    }

    /** A file under the project root, e.g. {@code models/hubs.yml}. */
    FixtureProject file(String path, String content)
    {
        files.put(path, content);
        return this;
    }

    Path write()
    {
        try {
            Files.createDirectories(root.resolve("models"));
            Files.writeString(root.resolve("vault.yml"), config, StandardCharsets.UTF_8);
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

    Project load()
    {
        return ProjectLoader.load(write(), TrinoDialect.INSTANCE);
    }
}
