package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.StandardColumns;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The text of the files {@code vault init} writes: vault.yml, and the sources and stages of a new
 * project, either an example over a seed file or every table of an existing bronze schema. The
 * YAML is written by hand, not by a YAML library, so it keeps the comments and the one-line
 * column style of the repository's own models; {@link #scalar} quotes what YAML would misread.
 */
final class InitYaml
{
    /**
     * Names of columns that say when a row landed, best first: a loader's own column beats a
     * record's created_at, which says when the row was made in its system, not when it arrived.
     * Compared without leading underscores.
     */
    static final ImmutableList<String> LOAD_TIMESTAMP_NAMES = ImmutableList.of(
            "loaded_at", "load_timestamp", "load_ts",
            "airbyte_extracted_at", "airbyte_emitted_at", "ab_cdc_updated_at",
            "ingested_at", "ingestion_timestamp", "inserted_at",
            "created_at", "updated_at");

    // what YAML reads as null or a boolean rather than as the name
    private static final Set<String> YAML_WORDS = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "~");
    // no indicator first, and nothing YAML gives a meaning to: no ":", "#", ",", brackets or quotes
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_./][A-Za-z0-9_()./ -]*");

    private static final SqlDialect DIALECT = TrinoDialect.INSTANCE;

    private InitYaml() {}

    /** A bronze table, its columns in table order, as information_schema describes them. */
    record Table(String name, ImmutableList<Column> columns)
    {
        Table
        {
            requireNonNull(name, "name is null");
            columns = ImmutableList.copyOf(columns);
        }
    }

    /** A column of a bronze table and its Trino type, e.g. {@code timestamp(6) with time zone}. */
    record Column(String name, String type)
    {
        Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** Where the generated project runs: the embedded engine, or a cluster it was read from. */
    record Target(String warehouse, Optional<String> jdbcUrl, Optional<String> user, Optional<String> passwordEnv, Optional<String> passwordFile)
    {
        Target
        {
            requireNonNull(warehouse, "warehouse is null");
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(passwordEnv, "passwordEnv is null");
            requireNonNull(passwordFile, "passwordFile is null");
        }

        static Target embedded()
        {
            return new Target(".vault/warehouse", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The generated sources and stages of a bronze schema, and what the user must look at. */
    record Bronze(String sources, String stages, ImmutableList<String> sourceNames, ImmutableList<String> warnings)
    {
        Bronze
        {
            requireNonNull(sources, "sources is null");
            requireNonNull(stages, "stages is null");
            sourceNames = ImmutableList.copyOf(sourceNames);
            warnings = ImmutableList.copyOf(warnings);
        }
    }

    /**
     * vault.yml of a new project.
     *
     * @param fromBronze whether the project reads existing bronze tables ({@code --from}) rather than the example's seed
     */
    static String projectFile(String name, String catalog, String bronzeSchema, boolean fromBronze, Target target)
    {
        StringBuilder text = new StringBuilder();
        if (fromBronze) {
            text.append("""
                    # A vault project over the bronze tables of %1$s.%2$s, written by `vault init --from %1$s.%2$s`.
                    # models/sources.yml lists those tables and models/stages.yml stages each one; add hubs, links and
                    # satellites next to them, then `vault run`. README "Getting started" goes on from here.
                    """.formatted(catalog, bronzeSchema));
        }
        else {
            text.append("""
                    # A new vault project, written by `vault init`: a source filled from seeds/customers.csv, its
                    # stage, a hub and a satellite. `vault build` seeds, runs and tests it on the embedded Trino.
                    # README "Getting started" goes on from here.
                    """);
        }
        text.append("name: ").append(scalar(name)).append('\n');
        text.append("""
                # the format of this file; this vault reads version 1
                version: 1

                # Folders of model files (*.yml, and the *.sql of marts), read with their subfolders.
                model-paths: [models]
                """);
        if (fromBronze) {
            text.append("""
                    # Folders of CSV files `vault seed` loads into bronze tables (<source>.csv); bronze is already loaded here.
                    seed-paths: []
                    """);
        }
        else {
            text.append("""
                    # Folders of CSV files `vault seed` loads into bronze tables, one file per source: <source>.csv.
                    seed-paths: [seeds]
                    """);
        }
        text.append("""
                # Compiled SQL, run results, logs and the embedded engine's warehouse go here (keep it out of git).
                target-path: .vault

                # The catalog of every table vault reads and writes, and the schema of each layer: bronze holds
                # the tables as they land (vault reads them and never changes them), staging the views over them,
                # silver the hubs, links and satellites, gold the marts.
                """);
        text.append("catalog: ").append(scalar(catalog)).append('\n');
        text.append("schemas:\n");
        text.append("  bronze: ").append(scalar(bronzeSchema)).append('\n');
        text.append("""
                  staging: silver
                  silver: silver
                  gold: gold

                # Where commands run unless told otherwise (--target NAME, or --jdbc-url URL).
                """);
        text.append("target: ").append(target.jdbcUrl().isPresent() ? "cluster" : "embedded").append('\n');
        text.append("""
                targets:
                  # Trino inside vault's own process, on a warehouse folder: nothing to install.
                  embedded:
                    type: embedded
                """);
        text.append("    warehouse: ").append(scalar(target.warehouse())).append('\n');
        if (target.jdbcUrl().isPresent()) {
            text.append("""
                      # The Trino cluster `vault init` read the bronze tables from. A secured cluster's URL ends in
                      # ?SSL=true and its password comes from 'password-env: VARIABLE' (never the password itself).
                      cluster:
                        type: trino
                    """);
            text.append("    jdbc-url: ").append(scalar(target.jdbcUrl().get())).append('\n');
            target.user().ifPresent(user -> text.append("    user: ").append(scalar(user)).append('\n'));
            target.passwordEnv().ifPresent(variable -> text.append("    password-env: ").append(scalar(variable)).append('\n'));
            target.passwordFile().ifPresent(file -> text.append("    password-file: ").append(scalar(file)).append('\n'));
        }
        else {
            text.append("""
                      # A Trino cluster on this machine without TLS or password (trino-jdbc sends one only over TLS).
                      # A secured cluster's URL ends in ?SSL=true and its target adds 'password-env: VARIABLE'.
                      local:
                        type: trino
                        jdbc-url: jdbc:trino://localhost:8080/iceberg
                        user: vault
                    """);
        }
        text.append("""

                # Hash keys are sha256 of the business keys, upper-cased first: 'abc' and 'ABC' are one key.
                hashing:
                  algorithm: sha256
                  business-key-case: upper
                """);
        return text.toString();
    }

    /** .gitignore: what vault writes and git should not keep. */
    static String gitignore()
    {
        return """
                # vault's compiled SQL, run results, logs and embedded warehouse (target-path in vault.yml)
                .vault/
                """;
    }

    /** models/sources.yml of the example project: one source, filled by seeds/customers.csv, and a commented second one. */
    static String exampleSources()
    {
        return """
                # Bronze: the tables your loaders (Airbyte, Fivetran, a CDC tool, or `vault seed`) land. vault reads
                # them and never changes them. `vault init --from <catalog>.<schema>` writes this file for tables
                # that already exist.
                sources:
                  - name: customers
                    description: Customers as the CRM exports them; `vault seed` fills it from seeds/customers.csv.
                    # the system these rows come from; every staged row carries it in record_source
                    record-source: crm
                    # the column that says when each row landed in bronze
                    load-timestamp: loaded_at
                    columns:
                      - { name: customer_id, type: varchar, tests: [not_null] }
                      - { name: full_name, type: varchar }
                      - { name: email, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }

                  # Another source: orders as Airbyte lands them, with how old its newest data may be (`vault freshness`).
                  # - name: orders
                  #   record-source: shop
                  #   load-timestamp: _airbyte_extracted_at
                  #   freshness: {warn-after: 6h, error-after: 1d}
                  #   columns:
                  #     - { name: order_id, type: bigint }
                  #     - { name: customer_id, type: varchar }
                  #     - { name: amount, type: "decimal(12,2)" }
                  #     - { name: _airbyte_extracted_at, type: timestamp(6) with time zone }
                """;
    }

    /** models/stages.yml of the example project. */
    static String exampleStages()
    {
        return """
                # Staging: a view per source with the columns the silver models need: derived columns (SQL over the
                # source's columns), hash keys of business keys, and hashdiffs of the columns a satellite keeps.
                stages:
                  - name: stg_customers
                    source: customers
                    derived-columns:
                      email_clean: "nullif(lower(trim(email)), '')"
                    hash-keys:
                      hk_customer: [customer_id]
                    hashdiffs:
                      hd_customer: [full_name, email_clean]
                """;
    }

    /** models/silver.yml of the example project: a hub and its satellite. */
    static String exampleSilver()
    {
        return """
                # Silver: the Data Vault. A hub holds each business key once; a satellite its details over time.
                hubs:
                  - name: hub_customer
                    description: One row per customer id.
                    hash-key: hk_customer
                    business-keys: [customer_id]
                    sources: [stg_customers]

                satellites:
                  - name: sat_customer
                    description: A customer's name and email, a new row when either changes.
                    parent: hub_customer
                    hashdiff: hd_customer
                    payload: [full_name, email_clean]
                    sources: [stg_customers]
                """;
    }

    /** seeds/customers.csv of the example project. */
    static String exampleSeed()
    {
        return """
                customer_id,full_name,email,loaded_at
                C001,Ana Souza,ana.souza@example.com,2026-11-01 02:00:00 UTC
                C002,Bruno Lima,Bruno.Lima@Example.com,2026-11-01 02:00:00 UTC
                C003,Carla Dias,carla.dias@example.com,2026-11-01 02:00:00 UTC
                """;
    }

    /**
     * The sources (every table of the schema, with its columns and types) and one stage per
     * source. A table or column vault cannot read is left out with a comment that says why; a
     * source whose load timestamp cannot be guessed gets a comment saying to set it.
     */
    static Bronze bronze(String catalog, String schema, List<Table> tables)
    {
        StringBuilder sources = new StringBuilder();
        sources.append("""
                # Bronze: the tables of %1$s.%2$s as `vault init --from %1$s.%2$s` found them. vault reads them and never
                # changes them. Check each source's record-source (the system its rows come from; staged rows carry it
                # in record_source) and load-timestamp (the column that says when each row landed), then describe
                # the columns you use.
                sources:
                """.formatted(catalog, schema));
        StringBuilder stages = new StringBuilder();
        stages.append("""
                # Staging: a view per source. Add what the silver models need: derived columns (SQL over the source's
                # columns), hash keys of business keys and hashdiffs of the columns a satellite keeps, e.g.
                #     derived-columns:
                #       email_clean: "nullif(lower(trim(email)), '')"
                #     hash-keys:
                #       hk_customer: [customer_id]
                #     hashdiffs:
                #       hd_customer: [full_name, email_clean]
                # then hubs, links and satellites that read them (README "Getting started").
                stages:
                """);
        ImmutableList.Builder<String> names = ImmutableList.builder();
        ImmutableList.Builder<String> warnings = ImmutableList.builder();
        boolean first = true;
        for (Table table : tables) {
            if (!first) {
                sources.append('\n');
            }
            first = false;
            Optional<String> invalid = Identifiers.check(table.name(), "table");
            if (invalid.isPresent()) {
                String reason = invalid.get() + "; expose it under a valid name through a view";
                sources.append("  # left out: ").append(reason).append('\n');
                warnings.add(reason);
                continue;
            }
            List<Column> kept = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            boolean recordSourceColumn = false;
            for (Column column : table.columns()) {
                Optional<String> problem = columnProblem(column);
                if (problem.isPresent()) {
                    comments.add(problem.get());
                    warnings.add("table %s: %s".formatted(table.name(), problem.get()));
                    continue;
                }
                recordSourceColumn |= column.name().equals(StandardColumns.RECORD_SOURCE);
                kept.add(new Column(column.name(), DIALECT.normalizeType(column.type())));
            }
            if (kept.isEmpty()) {
                String reason = "table %s has no column vault can read".formatted(table.name());
                sources.append("  # left out: ").append(reason).append('\n');
                comments.forEach(comment -> sources.append("  #   ").append(comment).append('\n'));
                warnings.add(reason);
                continue;
            }
            sources.append("  - name: ").append(scalar(table.name())).append('\n');
            if (recordSourceColumn) {
                sources.append("    # each row names its system in record_source\n");
                sources.append("    record-source: {column: record_source}\n");
            }
            else {
                sources.append("    record-source: ").append(scalar(table.name())).append('\n');
            }
            Optional<Column> loadTimestamp = loadTimestamp(kept);
            if (loadTimestamp.isPresent()) {
                sources.append("    load-timestamp: ").append(scalar(loadTimestamp.get().name())).append('\n');
            }
            else {
                sources.append("    # TODO load-timestamp: no timestamp column is named like loaded_at, _airbyte_extracted_at, ingested_at or\n");
                sources.append("    # created_at; name the column that says when each row landed in bronze, e.g. load-timestamp: loaded_at\n");
                warnings.add("source %s: set its load-timestamp in models/sources.yml; no timestamp column looks like one".formatted(table.name()));
            }
            sources.append("    columns:\n");
            for (Column column : kept) {
                sources.append("      - { name: ").append(scalar(column.name())).append(", type: ").append(scalar(column.type())).append(" }\n");
            }
            comments.forEach(comment -> sources.append("      # left out: ").append(comment).append('\n'));
            names.add(table.name());
        }
        ImmutableList<String> sourceNames = names.build();
        first = true;
        for (String source : sourceNames) {
            if (!first) {
                stages.append('\n');
            }
            first = false;
            stages.append("  - name: ").append(scalar(stageName(source))).append('\n');
            stages.append("    source: ").append(scalar(source)).append('\n');
        }
        if (sourceNames.isEmpty()) {
            stages.append("  []\n");
        }
        return new Bronze(sources.toString(), stages.toString(), sourceNames, warnings.build());
    }

    static String stageName(String source)
    {
        String name = "stg_" + source;
        return name.length() <= Identifiers.MAX_LENGTH ? name : name.substring(0, Identifiers.MAX_LENGTH);
    }

    /**
     * The column that most likely says when a row landed: a timestamp named like one of
     * {@link #LOAD_TIMESTAMP_NAMES}, the best name first, then the first such column.
     */
    static Optional<Column> loadTimestamp(List<Column> columns)
    {
        return columns.stream()
                .filter(column -> DIALECT.typeFamily(column.type()).isTimestamp())
                .filter(column -> LOAD_TIMESTAMP_NAMES.contains(column.name().replaceFirst("^_+", "")))
                .min(Comparator.comparingInt(column -> LOAD_TIMESTAMP_NAMES.indexOf(column.name().replaceFirst("^_+", ""))));
    }

    /** Why vault cannot read a column as a source column; empty when it can. */
    private static Optional<String> columnProblem(Column column)
    {
        Optional<String> invalid = Identifiers.check(column.name(), "column");
        if (invalid.isPresent()) {
            return Optional.of(invalid.get() + "; expose it under a valid name through a view over the table");
        }
        if (column.name().equals(StandardColumns.LOAD_DATETIME)) {
            return Optional.of("column %s: vault gives every staged row a column of that name; expose it under another name through a view".formatted(column.name()));
        }
        String type = DIALECT.normalizeType(column.type());
        if (!DIALECT.isStorableType(type)) {
            return Optional.of("column %s is %s, not a type vault reads; cast it in a view over the table (%s)".formatted(column.name(), type, DIALECT.storableTypesHint()));
        }
        return Optional.empty();
    }

    /** A YAML scalar: plain when YAML reads it back as the same string (also inside a flow mapping), else double-quoted. */
    static String scalar(String value)
    {
        if (PLAIN.matcher(value).matches() && !value.endsWith(" ") && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : value.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (character < 0x20) {
                        quoted.append("\\x%02x".formatted((int) character));
                    }
                    else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
